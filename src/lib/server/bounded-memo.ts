/**
 * A remembered computation keyed by a string, holding at most `max` results: when full, the oldest result goes (one
 * at a time, so the map never empties at once and every caller starts over). For the search's per-process memos —
 * word stems, analysed words, articles' plain texts — whose inputs recur but whose number has no bound.
 */
export type BoundedMemo<V> = ((key: string, compute: () => V) => V) & {
	/** The remembered value, or undefined: for callers that must fetch an input before they can compute. */
	peek: (key: string) => V | undefined;
};

export function boundedMemo<V>(max: number): BoundedMemo<V> {
	const known = new Map<string, V>();
	const memo = (key: string, compute: () => V) => {
		const found = known.get(key);
		if (found !== undefined || known.has(key)) return found as V;
		const value = compute();
		if (known.size >= max) known.delete(known.keys().next().value as string);
		known.set(key, value);
		return value;
	};
	return Object.assign(memo, { peek: (key: string) => known.get(key) });
}
