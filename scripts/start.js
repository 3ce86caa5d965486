// Starts Rödtråd: builds when the sources are newer than the build, then serves.
// `--demo` loads the demo organizer first (see src/lib/server/demo/).
// On PostgreSQL it serves from one process per core (WORKERS, decision 013); the first process
// migrates, loads the demo and runs the background jobs, the others start once it listens.
import cluster from 'node:cluster';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

const SOURCES = ['src', 'messages', 'drizzle', 'content', 'static', 'package.json', 'vite.config.ts'];
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';

function newest(p) {
	if (!existsSync(p)) return 0;
	const s = statSync(p);
	if (!s.isDirectory()) return s.mtimeMs;
	if (p.endsWith(`src${path.sep}lib${path.sep}paraglide`)) return 0;
	return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

/** PGlite keeps the database inside the process, so it has exactly one; PostgreSQL gets one per core, at most 4. */
function workerCount(env) {
	if (!env.DATABASE_URL) return 1;
	const asked = Number(env.WORKERS);
	if (env.WORKERS !== undefined && (!Number.isInteger(asked) || asked < 1)) {
		console.error(`WORKERS måste vara ett heltal från 1 / WORKERS must be a whole number from 1 (fick/got "${env.WORKERS}")`);
		process.exit(1);
	}
	return env.WORKERS !== undefined ? asked : Math.min(availableParallelism(), 4);
}

const count = workerCount(process.env);
const built = existsSync(path.join(BUILD_DIR, 'index.js')) ? statSync(path.join(BUILD_DIR, 'index.js')).mtimeMs : 0;
if (!built || (BUILD_DIR === 'build' && Math.max(...SOURCES.map(newest)) > built)) {
	console.log('Bygger Rödtråd … / Building Rödtråd …');
	const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = { ...process.env };
if (process.argv.includes('--demo')) env.RODTRAD_DEMO = '1';
// adapter-node refuses request bodies over 512 kB by default; CSV imports may be 2 MB, a support case 3 files of 2 MB.
env.BODY_SIZE_LIMIT ??= '8M';
const port = env.PORT ?? '3000';
console.log(
	`Rödtråd startar på http://localhost:${port} (${env.DATABASE_URL ? `PostgreSQL, ${count} process${count > 1 ? 'er' : ''}` : 'inbäddad databas i ' + (env.DATA_DIR ?? './data')})`
);

cluster.setupPrimary({ exec: path.join(BUILD_DIR, 'index.js') });
/** The first process does the start-up work alone; the others neither load the demo nor run jobs. */
const fork = (main) => cluster.fork(main ? env : { ...env, RODTRAD_DEMO: '', RODTRAD_JOBS: 'off' });
let mainWorker = fork(true);
let started = false;
let stopping = false;
const restarts = [];
mainWorker.once('listening', () => {
	started = true;
	env.RODTRAD_DEMO = ''; // a replacement of the first process must not load the demo again
	for (let i = 1; i < count; i++) fork(false);
});
cluster.on('exit', (worker, code, signal) => {
	const left = Object.keys(cluster.workers ?? {}).length;
	if (stopping) {
		if (left === 0) process.exit(0);
		return;
	}
	// Not started (a bad setting, no database) or crashing over and over: stop rather than loop.
	const now = Date.now();
	restarts.push(now);
	while (now - restarts[0] > 60_000) restarts.shift();
	if (!started || restarts.length > 5) process.exit(code || 1);
	console.error(`En serverprocess avslutades (${signal ?? code}); startar en ny / a server process ended; starting another`);
	const replacement = fork(worker === mainWorker);
	if (worker === mainWorker) mainWorker = replacement;
});
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		stopping = true;
		const workers = Object.values(cluster.workers ?? {});
		if (workers.length === 0) process.exit(0);
		// Each process finishes the requests under way, stops its jobs and closes the database, then ends.
		for (const w of workers) w?.process.kill(sig);
	});
}
