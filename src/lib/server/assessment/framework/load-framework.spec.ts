// Covers: framework, item, parseFramework.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { framework, item } from './framework-fixtures';
import { parseFramework } from './load-framework';

function rejection(text: string): AppError {
	try {
		parseFramework(text);
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected the framework to be rejected');
}

describe('parseFramework', () => {
	it('accepts a small valid framework and keeps its items in order', () => {
		const parsed = parseFramework(framework('2026.1', [['1.1', [item('t.1-1.a'), item('t.1-1.b')]]]));
		expect(parsed.areas[0].sub_goals[0].items.map((i) => i.key)).toEqual(['t.1-1.a', 't.1-1.b']);
		expect(parsed.areas[0].sub_goals[0].items[0].levels[4].sv).toBe('level 4 sv');
	});

	it('rejects an item key used twice, naming the key and both places', () => {
		const error = rejection(
			framework('2026.1', [
				['1.1', [item('t.dup')]],
				['1.2', [item('t.dup')]]
			])
		);
		expect(error.code).toBe('INVALID');
		expect(error.message).toContain('duplicate item key "t.dup"');
		expect(error.message).toContain('sub-goal 1.2 › item t.dup');
		expect(error.message).toContain('first used in area 1 › sub-goal 1.1');
	});

	it('rejects an item missing the level 3 descriptor, naming the item key and the level', () => {
		const error = rejection(framework('2026.1', [['1.1', [item('t.1-1.no-three', '', [1, 2, 4])]]]));
		expect(error.code).toBe('INVALID');
		expect(error.message).toContain('item t.1-1.no-three › levels.3: is missing');
	});

	it('rejects an unknown perspective, naming the item key and the bad value', () => {
		const error = rejection(framework('2026.1', [['1.1', [item('t.1-1.who', '', undefined, 'teachers')]]]));
		expect(error.message).toContain('item t.1-1.who › perspectives.0');
		expect(error.message).toContain('unknown perspective "teachers"');
	});

	it('keeps a wording per perspective, and rejects one for a perspective that does not answer the item', () => {
		const own = 'statement_for: { staff: { sv: "Min skola", en: "My school" } }';
		const parsed = parseFramework(framework('2026.1', [['1.1', [item('t.own', own, undefined, 'leadership, staff')]]]));
		expect(parsed.areas[0].sub_goals[0].items[0].statement_for?.staff?.sv).toBe('Min skola');
		const error = rejection(framework('2026.1', [['1.1', [item('t.stray', own)]]]));
		expect(error.message).toContain('item t.stray › statement_for.staff: "staff" does not answer this item');
	});

	it('rejects a sub-goal id used twice', () => {
		const error = rejection(
			framework('2026.1', [
				['1.1', [item('t.a')]],
				['1.1', [item('t.b')]]
			])
		);
		expect(error.message).toContain('duplicate sub-goal id "1.1"');
	});

	it('rejects replaces pointing to a key that still exists in the same version', () => {
		const error = rejection(framework('2026.1', [['1.1', [item('t.old'), item('t.new', 'replaces: t.old')]]]));
		expect(error.message).toContain('item t.new: replaces "t.old", but that key still exists');
	});

	it('rejects a version written as a number instead of a quoted string', () => {
		const text = framework('2026.1', [['1.1', [item('t.a')]]]).replace('version: "2026.1"', 'version: 2026.1');
		expect(rejection(text).message).toContain('version: must be a quoted string');
	});

	it('rejects a misspelt field instead of ignoring it', () => {
		const text = framework('2026.1', [['1.1', [item('t.a', 'next_step: {}')]]]);
		expect(rejection(text).message).toContain('item t.a');
	});

	it('rejects a field written twice in one item (a duplicate YAML key), saying where', () => {
		const error = rejection(framework('2026.1', [['1.1', [item('t.twice', 'statement: { sv: "igen", en: "again" }')]]]));
		expect(error.code).toBe('INVALID');
		expect(error.message).toMatch(/not valid YAML at line \d+: Map keys must be unique/);
	});

	it('rejects text that is not YAML, saying where', () => {
		expect(rejection('key: [unclosed').message).toMatch(/not valid YAML at line 1/);
	});
});
