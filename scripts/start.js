// Starts Rödtråd: builds when the sources are newer than the build, then serves.
// `--demo` loads the demo organizer first (see src/lib/server/demo/).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['src', 'messages', 'drizzle', 'content', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(p) {
	if (!existsSync(p)) return 0;
	const s = statSync(p);
	if (!s.isDirectory()) return s.mtimeMs;
	if (p.endsWith(`src${path.sep}lib${path.sep}paraglide`)) return 0;
	return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (!built || Math.max(...SOURCES.map(newest)) > built) {
	console.log('Bygger Rödtråd … / Building Rödtråd …');
	const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = { ...process.env };
if (process.argv.includes('--demo')) env.RODTRAD_DEMO = '1';
// adapter-node refuses request bodies over 512 kB by default; CSV imports may be 2 MB, a support case 3 files of 2 MB.
env.BODY_SIZE_LIMIT ??= '8M';
const port = env.PORT ?? '3000';
console.log(`Rödtråd startar på http://localhost:${port} (${env.DATABASE_URL ? 'PostgreSQL' : 'inbäddad databas i ' + (env.DATA_DIR ?? './data')})`);
const child = spawn(process.execPath, ['build/index.js'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
