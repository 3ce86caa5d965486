/**
 * A small seeded random source (mulberry32) so the demo data is the same on every run
 * with the same seed. Not for anything secret.
 */
export type Random = {
	/** A float in [0, 1). */
	next: () => number;
	/** An integer in [min, max], both included. */
	int: (min: number, max: number) => number;
	/** One element of a non-empty list. */
	pick: <T>(list: readonly T[]) => T;
	/** True with the given probability. */
	chance: (p: number) => boolean;
	/** A shuffled copy (Fisher–Yates). */
	shuffle: <T>(list: readonly T[]) => T[];
};

/** The mulberry32 generator: 32-bit state, good enough spread for test data. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A seeded random source with the helpers the demo generators need. */
export function createRandom(seed: number): Random {
	const next = mulberry32(seed);
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: (list) => list[int(0, list.length - 1)],
		chance: (p) => next() < p,
		shuffle: (list) => {
			const out = [...list];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(0, i);
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		}
	};
}
