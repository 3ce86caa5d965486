// Covers: ancestorIdsOf, moveTargetsOf.
import { describe, expect, it } from 'vitest';
import { ancestorIdsOf, moveTargetsOf } from './unit-tree';

const tree = [
	{ id: 'forvaltning', parentId: null, archivedAt: null },
	{ id: 'omrade', parentId: 'forvaltning', archivedAt: null },
	{ id: 'skola', parentId: 'omrade', archivedAt: null },
	{ id: 'klass', parentId: 'skola', archivedAt: null },
	{ id: 'gammal', parentId: 'forvaltning', archivedAt: new Date('2026-01-01') }
];

describe('the unit tree', () => {
	it('lists the ancestors nearest first', () => {
		expect(ancestorIdsOf('klass', new Map(tree.map((u) => [u.id, u])))).toEqual(['skola', 'omrade', 'forvaltning']);
	});

	it('offers as move targets every active unit that is neither the unit nor below it', () => {
		expect(moveTargetsOf('omrade', tree).map((u) => u.id)).toEqual(['forvaltning']);
		expect(moveTargetsOf('klass', tree).map((u) => u.id)).toEqual(['forvaltning', 'omrade', 'skola']);
	});
});
