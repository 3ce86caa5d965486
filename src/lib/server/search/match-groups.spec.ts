import { describe, expect, it } from 'vitest';
import { matchGroups } from './match-groups';

const df: Record<string, number> = { skrivare: 40, pappersstopp: 12, logga: 900, in: 1900, elev: 700 };
const documents = (g: string) => df[g] ?? 0;
const pruning = { from: 1000, commonShare: 0.05, relative: 0, minimum: 30 };
const typed = (g: string) => g !== 'pappersstopp';

describe('matchGroups', () => {
	it('matches on the rare alternatives only when common ones are there too', () => {
		expect(matchGroups(['logga', 'in', 'skrivare', 'pappersstopp'], documents, typed, 2000, pruning)).toEqual(['skrivare', 'pappersstopp']);
	});

	it('matches every alternative in a small index, when none is common, or when the rare ones cannot reach the minimum', () => {
		expect(matchGroups(['logga', 'skrivare'], documents, typed, 999, pruning)).toBeNull();
		expect(matchGroups(['skrivare', 'pappersstopp'], documents, typed, 2000, pruning)).toBeNull();
		expect(matchGroups(['logga', 'in', 'elev'], documents, typed, 2000, pruning)).toBeNull();
		expect(matchGroups(['logga', 'pappersstopp'], documents, typed, 2000, pruning)).toBeNull();
		expect(matchGroups(['logga', 'pappersstopp'], documents, typed, 2000, { ...pruning, minimum: 12 })).toEqual(['pappersstopp']);
		// Each rare one alone finds fewer than the minimum: together they might not reach it either.
		expect(matchGroups(['logga', 'skrivare', 'pappersstopp'], documents, typed, 2000, { ...pruning, minimum: 45 })).toBeNull();
	});

	it('with `relative`, lets the alternatives about as rare as the rarest typed word match too', () => {
		const relative = { ...pruning, commonShare: 0.01, relative: 2 };
		expect(matchGroups(['logga', 'in', 'elev'], documents, typed, 2000, relative)).toEqual(['logga', 'elev']);
		expect(matchGroups(['logga', 'in', 'skrivare'], documents, typed, 2000, relative)).toEqual(['skrivare']);
	});
});
