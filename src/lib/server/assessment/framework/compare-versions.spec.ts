// Covers: matchItems, framework, item, parseFramework.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { matchItems } from './compare-versions';
import { framework, item } from './framework-fixtures';
import { parseFramework } from './load-framework';

const v1 = parseFramework(
	framework('2026.1', [
		['1.1', [item('t.kept'), item('t.reworded'), item('t.dropped')]],
		['1.2', [item('t.moved')]]
	])
);
const v2 = parseFramework(
	framework('2026.2', [
		['1.1', [item('t.kept'), item('t.reworded-v2', 'replaces: t.reworded'), item('t.brand-new')]],
		['1.3', [item('t.moved')]]
	])
);

describe('matchItems', () => {
	const result = matchItems(v1, v2);

	it('matches items that keep their key, even when they moved to another sub-goal', () => {
		expect(result.matched.map((m) => m.key)).toEqual(['t.kept', 't.moved']);
		const moved = result.matched.find((m) => m.key === 't.moved');
		expect([moved?.old.subGoalId, moved?.new.subGoalId]).toEqual(['1.2', '1.3']);
	});

	it('reports an item whose meaning was replaced as replaced, not as added and removed', () => {
		expect(result.replaced.map((r) => [r.old.key, r.new.key])).toEqual([['t.reworded', 't.reworded-v2']]);
		expect(result.added.map((i) => i.key)).not.toContain('t.reworded-v2');
		expect(result.removed.map((i) => i.key)).not.toContain('t.reworded');
	});

	it('lists new and removed items', () => {
		expect(result.added.map((i) => i.key)).toEqual(['t.brand-new']);
		expect(result.removed.map((i) => i.key)).toEqual(['t.dropped']);
	});

	it('treats replaces of a key unknown to the old version as a new item', () => {
		const v3 = parseFramework(framework('2026.3', [['1.1', [item('t.x', 'replaces: t.never-existed')]]]));
		expect(matchItems(v1, v3).added.map((i) => i.key)).toEqual(['t.x']);
	});

	it('refuses to compare two different frameworks', () => {
		const other = { ...v2, key: 'other' };
		expect(() => matchItems(v1, other)).toThrow(AppError);
	});
});
