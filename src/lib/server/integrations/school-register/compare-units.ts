import type { RegisterDifferenceValues } from '../../db/schema';
import type { RegisterUnit } from './client';

/** A unit of the organizer as the comparison needs it. */
export type LocalUnit = { id: string; name: string; schoolUnitCode: string; schoolTypes: string[]; archived: boolean };

/** What an import would do with one register unit. */
export type ImportAction = 'create' | 'update' | 'unchanged' | 'skip_closed' | 'skip_archived' | 'conflict';

export type ImportRow = {
	unit: RegisterUnit;
	action: ImportAction;
	localId: string | null;
	/** For updates: the fields that would change, ours → the register's. */
	changes: { name?: [string, string]; schoolTypes?: [string[], string[]] };
};

/** A difference the daily check reports (kind: new | closed | left | renamed | school_types). */
export type FoundDifference = {
	kind: 'new' | 'closed' | 'left' | 'renamed' | 'school_types';
	schoolUnitCode: string;
	unitId: string | null;
	current: RegisterDifferenceValues;
	proposed: RegisterDifferenceValues;
};

const sameTypes = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

/** Name and school-type changes; school types only when the register names some (it never empties ours). */
function changesOf(local: LocalUnit, unit: RegisterUnit): ImportRow['changes'] {
	const changes: ImportRow['changes'] = {};
	if (local.name !== unit.name) changes.name = [local.name, unit.name];
	if (unit.schoolTypes.length && !sameTypes(local.schoolTypes, unit.schoolTypes))
		changes.schoolTypes = [[...local.schoolTypes].sort(), unit.schoolTypes];
	return changes;
}

/**
 * The import's plan, matched on skolenhetskod: a unit the organizer lacks is created (unless the register says it has
 * closed), one it has is updated where name or school types differ; archived units are left alone, and a code that
 * belongs to another organizer is a conflict. Nothing is ever removed.
 */
export function planImport(register: RegisterUnit[], local: Map<string, LocalUnit>, foreignCodes: Set<string>): ImportRow[] {
	return register.map((unit) => {
		const mine = local.get(unit.schoolUnitCode);
		if (!mine) {
			if (foreignCodes.has(unit.schoolUnitCode)) return { unit, action: 'conflict', localId: null, changes: {} };
			return { unit, action: unit.status === 'UPPHORT' ? 'skip_closed' : 'create', localId: null, changes: {} };
		}
		if (mine.archived) return { unit, action: 'skip_archived', localId: mine.id, changes: {} };
		const changes = changesOf(mine, unit);
		return { unit, action: Object.keys(changes).length ? 'update' : 'unchanged', localId: mine.id, changes };
	});
}

/**
 * The daily check's differences: a unit the register has and the organizer lacks (not closed, not another
 * organizer's), an active unit the register says has closed, an active unit with a skolenhetskod that the register no
 * longer lists for this source at all (it moved to another organizer, or its code changed) — unless the register
 * listed nothing, which says more about the source than about the units — a new name, other school types.
 */
export function findDifferences(register: RegisterUnit[], local: Map<string, LocalUnit>, foreignCodes: Set<string>): FoundDifference[] {
	const out: FoundDifference[] = [];
	for (const unit of register) {
		const code = unit.schoolUnitCode;
		const mine = local.get(code);
		if (!mine) {
			if (!foreignCodes.has(code) && unit.status !== 'UPPHORT')
				out.push({
					kind: 'new',
					schoolUnitCode: code,
					unitId: null,
					current: {},
					proposed: { name: unit.name, schoolTypes: unit.schoolTypes, status: unit.status }
				});
			continue;
		}
		if (mine.archived) continue;
		if (unit.status === 'UPPHORT') {
			out.push({
				kind: 'closed',
				schoolUnitCode: code,
				unitId: mine.id,
				current: { name: mine.name },
				proposed: { name: unit.name, status: unit.status }
			});
			continue;
		}
		const changes = changesOf(mine, unit);
		if (changes.name)
			out.push({ kind: 'renamed', schoolUnitCode: code, unitId: mine.id, current: { name: mine.name }, proposed: { name: unit.name } });
		if (changes.schoolTypes)
			out.push({
				kind: 'school_types',
				schoolUnitCode: code,
				unitId: mine.id,
				current: { name: mine.name, schoolTypes: changes.schoolTypes[0] },
				proposed: { schoolTypes: unit.schoolTypes }
			});
	}
	const listed = new Set(register.map((u) => u.schoolUnitCode));
	if (listed.size > 0)
		for (const mine of local.values())
			if (!mine.archived && !listed.has(mine.schoolUnitCode))
				out.push({ kind: 'left', schoolUnitCode: mine.schoolUnitCode, unitId: mine.id, current: { name: mine.name }, proposed: {} });
	return out;
}

/** The same difference found again has the same fingerprint (a dismissed one is not raised again). */
export const fingerprintOf = (d: FoundDifference) => `${d.kind}:${d.schoolUnitCode}:${JSON.stringify(d.proposed)}`;
