import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * What the ops tests (vitest project `ops`) need: a throwaway PostgreSQL they can stop and start, the built
 * server (`build/index.js`) started against it, and a small round-robin proxy. Nothing here is used by the app.
 */

const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';

/** Why the ops tests cannot run here, or null when they can (PostgreSQL's programs and a build are present). */
export function opsSkipReason(): string | null {
	if (!existsSync(path.join(PGBIN, 'initdb')))
		return `PostgreSQL 15 saknas (${PGBIN}/initdb): apt-get install -y postgresql-15 — ops tests skipped`;
	if (!existsSync('build/index.js')) return 'build/index.js saknas: npm run build först — ops tests skipped';
	return null;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createNetServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

export type ThrowawayPostgres = { url: string; stop: () => void; start: () => void; destroy: () => void };

/** initdb into a temporary folder and start PostgreSQL on a free TCP port of 127.0.0.1 (as root: as user postgres). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rodtrad-ops-pg-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot)
		chownSync(
			dir,
			Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()),
			Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
		);
	const run = (program: string, args: string[]) => {
		const cmd = asRoot ? 'runuser' : path.join(PGBIN, program);
		const argv = asRoot ? ['-u', 'postgres', '--', path.join(PGBIN, program), ...args] : args;
		const r = spawnSync(cmd, argv, { encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr}`);
	};
	const port = await freePort();
	run('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
	const start = () =>
		run('pg_ctl', [
			'-D',
			`${dir}/data`,
			'-l',
			`${dir}/server.log`,
			'-w',
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
			'start'
		]);
	const stop = () => run('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
	start();
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		start,
		stop,
		destroy: () => {
			try {
				run('pg_ctl', ['-D', `${dir}/data`, '-m', 'immediate', 'stop']);
			} catch {
				/* already stopped */
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export type RunningServer = { port: number; url: string; output: () => string; stop: () => Promise<void>; process: ChildProcess };

/** Starts `node build/index.js` with the given settings and waits until /healthz answers (any status). */
export async function startServer(env: Record<string, string>, opts: { waitFor200?: boolean } = {}): Promise<RunningServer> {
	const port = await freePort();
	// Not Vitest's variables: under VITEST the server would not start its background jobs.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV')
	);
	const child = spawn(process.execPath, ['build/index.js'], {
		env: { ...inherited, ORIGIN: `http://localhost:${port}`, PORT: String(port), LOGIN_LIMIT_IP: '100000', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server ended (${child.exitCode}):\n${out}`);
		const res = await fetch(`${url}/healthz`).catch(() => null);
		if (res && (!opts.waitFor200 || res.status === 200)) break;
		if (Date.now() > deadline) throw new Error(`server did not come up:\n${out}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		port,
		url,
		process: child,
		output: () => out,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
			})
	};
}

/** A round-robin HTTP proxy in front of `targets`: request n goes to targets[n % targets.length]. Says which in X-Upstream. */
export async function startRoundRobinProxy(targets: number[], listenPort?: number): Promise<{ url: string; close: () => Promise<void> }> {
	let next = 0;
	const server: Server = createServer((req, res) => {
		const index = next++ % targets.length;
		const upstream = httpRequest(
			{ host: '127.0.0.1', port: targets[index], method: req.method, path: req.url, headers: req.headers },
			(up) => {
				res.writeHead(up.statusCode ?? 502, { ...up.headers, 'x-upstream': String(index) });
				up.pipe(res);
			}
		);
		upstream.on('error', () => {
			res.writeHead(502);
			res.end();
		});
		req.pipe(upstream);
	});
	const port = listenPort ?? (await freePort());
	await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
