import type { UnitRow } from './unit-checks';

/** What a page may know about a unit. */
export type PresentedUnit = {
	id: string;
	name: string;
	kind: string;
	parentId: string | null;
	schoolUnitCode: string | null;
	schoolTypes: string[];
	archivedAt: string | null;
	depth: number;
};

/** Picks the fields the admin pages show; depth is 0 when the row has none. */
export function presentUnit(row: UnitRow & { depth?: number }): PresentedUnit {
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		parentId: row.parentId,
		schoolUnitCode: row.schoolUnitCode,
		schoolTypes: row.schoolTypes,
		archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null,
		depth: row.depth ?? 0
	};
}

/** A unit as an option in a parent picker: indented by depth so the tree shows in a plain <select>. */
export function presentParentOption(row: { id: string; name: string; depth: number }): { value: string; label: string } {
	return { value: row.id, label: `${'\u2014 '.repeat(row.depth)}${row.name}` };
}
