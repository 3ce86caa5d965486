/**
 * Runs `n` lookups with `clients` of them in flight at once (each client starts the next as soon as its last one
 * answers, like 20 people typing and searching at the same time), and times each one.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** One lookup: returns how many results it found. */
export type Lookup = (i: number) => Promise<number>;
export type Timed = { sorted: number[]; perSecond: number; found: number };

export async function measure(lookup: Lookup, n: number, clients: number): Promise<Timed> {
	const times: number[] = [];
	let next = 0;
	let found = 0;
	const started = performance.now();
	const client = async () => {
		for (let i = next++; i < n; i = next++) {
			const t0 = performance.now();
			const hits = await lookup(i);
			times.push(performance.now() - t0);
			if (hits > 0) found++;
		}
	};
	await Promise.all(Array.from({ length: clients }, client));
	return { sorted: times.sort((a, b) => a - b), perSecond: n / ((performance.now() - started) / 1000), found };
}

/** Nearest-rank percentile of sorted times. */
export const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

export const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');

/** A fixed piece of CPU work, timed (as bench:tickets prints it): tells a slow machine from a slow change. */
export const machineCheck = () => {
	const t0 = performance.now();
	for (let i = 0; i < 100_000; i++) createHash('sha256').update(`rodtrad ${i}`).digest();
	return `machine check ${(performance.now() - t0).toFixed(0)} ms`;
};
