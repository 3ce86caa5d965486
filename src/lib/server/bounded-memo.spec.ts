// Covers: boundedMemo.
import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
	it('computes a key once, remembers null as a result, and lets the oldest go when full', () => {
		const calls: string[] = [];
		const memo = boundedMemo<string | null>(2);
		const of = (k: string) => memo(k, () => (calls.push(k), k === 'none' ? null : k.toUpperCase()));
		expect([of('a'), of('a'), of('none'), of('none')]).toEqual(['A', 'A', null, null]);
		expect(calls).toEqual(['a', 'none']);
		of('b'); // full: 'a' goes, 'none' stays
		of('none');
		of('a');
		expect(calls).toEqual(['a', 'none', 'b', 'a']);
	});

	it('peeks without computing: undefined for a key not remembered', () => {
		const memo = boundedMemo<string>(2);
		expect(memo.peek('a')).toBeUndefined();
		memo('a', () => 'A');
		expect(memo.peek('a')).toBe('A');
		memo('b', () => 'B');
		memo('c', () => 'C'); // full: 'a' goes
		expect(memo.peek('a')).toBeUndefined();
	});
});
