/**
 * CPU time spent by processes, read from /proc (Linux): lets the benchmark say how many
 * milliseconds of CPU a request costs the server, PostgreSQL and the measuring client, a
 * figure that holds steadier than latency when other work shares the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMs(pid: number): number {
	try {
		// Fields after the command name: state is field 3, utime 14 and stime 15.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
	} catch {
		return 0;
	}
}

function processes(): { pid: number; ppid: number; comm: string }[] {
	const out = [];
	for (const name of readdirSync('/proc')) {
		const pid = Number(name);
		if (!Number.isInteger(pid)) continue;
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			out.push({ pid, ppid, comm });
		} catch {
			// gone meanwhile
		}
	}
	return out;
}

/** CPU milliseconds so far of the server (the process and its children) and of all PostgreSQL processes. */
export function cpuSnapshot(serverPid: number): { server: number; postgres: number; client: number } {
	const all = processes();
	const tree = new Set([serverPid]);
	for (let grew = true; grew;) {
		grew = false;
		for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) grew = tree.add(p.pid) !== undefined;
	}
	const sum = (pids: number[]) => pids.reduce((s, pid) => s + cpuMs(pid), 0);
	const usage = process.cpuUsage();
	return {
		server: sum([...tree]),
		postgres: sum(all.filter((p) => p.comm === 'postgres').map((p) => p.pid)),
		client: (usage.user + usage.system) / 1000
	};
}

/** The server's CPU milliseconds per request between two snapshots (0 where /proc is missing). */
export const serverCpuPerRequest = (before: ReturnType<typeof cpuSnapshot>, after: ReturnType<typeof cpuSnapshot>, requests: number) =>
	(after.server - before.server) / requests;

/** "server 3.1, PostgreSQL 1.2, client 0.4 ms CPU per request", or nothing where /proc is missing. */
export function cpuPerRequest(before: ReturnType<typeof cpuSnapshot>, after: ReturnType<typeof cpuSnapshot>, requests: number): string {
	if (!before.server && !after.server) return '';
	const per = (k: keyof typeof before) => ((after[k] - before[k]) / requests).toFixed(1);
	return `CPU per request: server ${per('server')}, PostgreSQL ${per('postgres')}, client ${per('client')} ms`;
}
