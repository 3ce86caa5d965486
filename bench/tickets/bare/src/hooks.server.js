import { pool } from './lib/pool.js';

// adapter-node closes the server on SIGTERM; a cluster worker then exits only when told (its IPC channel stays open).
process.once('sveltekit:shutdown', async () => {
	await pool.end();
	process.exit(0);
});
