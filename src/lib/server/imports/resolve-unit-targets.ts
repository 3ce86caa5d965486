import { normalizeName } from './columns';
import { asSchoolUnitCode } from './cell-values';
import { addIssue, type RowIssue } from './plan-types';

/** Where a row lands: an existing unit, or the new unit another row of the file creates. */
export type UnitTarget = { unitId: string } | { row: number };
export const targetKey = (t: UnitTarget) => ('unitId' in t ? `u:${t.unitId}` : `r:${t.row}`);

export type ExistingUnit = { id: string; name: string; parentId: string | null; schoolUnitCode: string | null };
export type DraftUnit = { name: string; code: string | null; parentText: string; issues: RowIssue[] };

/**
 * Matches every row to its unit and its parent. A row matches an existing unit on skolenhetskod,
 * else on name under the same parent. `överordnad` names a unit by skolenhetskod or by name, among
 * the organizer's active units and the file's own rows. Problems are added to the rows' issues.
 */
export function resolveUnitTargets(drafts: DraftUnit[], active: ExistingUnit[], columns: { parent: string; name: string }) {
	const byCode = new Map(active.filter((u) => u.schoolUnitCode).map((u) => [u.schoolUnitCode!, u]));
	const byName = new Map<string, ExistingUnit[]>();
	for (const u of active) byName.set(normalizeName(u.name), [...(byName.get(normalizeName(u.name)) ?? []), u]);

	const targets = new Map<number, UnitTarget>();
	const parents = new Map<number, UnitTarget | null | 'error'>();
	const visiting = new Set<number>();

	const targetOf = (i: number): UnitTarget => {
		const known = targets.get(i);
		if (known) return known;
		const d = drafts[i];
		let target: UnitTarget = { row: i };
		const byItsCode = d.code ? byCode.get(d.code) : undefined;
		if (byItsCode) target = { unitId: byItsCode.id };
		else {
			const parent = parentOf(i);
			if (parent !== 'error' && (parent === null || 'unitId' in parent)) {
				const parentId = parent?.unitId ?? null;
				const same = (byName.get(normalizeName(d.name)) ?? []).filter(
					(u) => u.parentId === parentId && (!d.code || !u.schoolUnitCode || u.schoolUnitCode === d.code)
				);
				if (same.length === 1) target = { unitId: same[0].id };
				if (same.length > 1) addIssue(d.issues, { column: columns.name, message: 'imports_error_unit_ambiguous' });
			}
		}
		targets.set(i, target);
		return target;
	};

	const parentOf = (i: number): UnitTarget | null | 'error' => {
		if (parents.has(i)) return parents.get(i)!;
		const d = drafts[i];
		if (d.parentText === '') {
			parents.set(i, null);
			return null;
		}
		if (visiting.has(i)) return 'error';
		visiting.add(i);
		const code = asSchoolUnitCode(d.parentText);
		const found = new Map<string, UnitTarget>();
		let cycle = false;
		drafts.forEach((other, j) => {
			const hit = code ? other.code === code : normalizeName(other.name) === normalizeName(d.parentText);
			if (!hit) return;
			if (j === i || visiting.has(j)) cycle = true;
			else {
				const t = targetOf(j);
				found.set(targetKey(t), t);
			}
		});
		const existing = code ? [byCode.get(code)].filter((u) => u !== undefined) : (byName.get(normalizeName(d.parentText)) ?? []);
		for (const u of existing) found.set(`u:${u.id}`, { unitId: u.id });
		visiting.delete(i);

		let result: UnitTarget | null | 'error' = 'error';
		if (cycle) addIssue(d.issues, { column: columns.parent, message: 'imports_error_parent_cycle' });
		else if (found.size === 0)
			addIssue(d.issues, { column: columns.parent, message: 'imports_error_parent_not_found', params: { value: d.parentText } });
		else if (found.size > 1)
			addIssue(d.issues, { column: columns.parent, message: 'imports_error_parent_ambiguous', params: { value: d.parentText } });
		else result = [...found.values()][0];
		parents.set(i, result);
		return result;
	};

	drafts.forEach((_, i) => {
		targetOf(i);
		parentOf(i);
	});
	// A row whose parent is the very unit it describes.
	drafts.forEach((d, i) => {
		const p = parents.get(i);
		if (p && p !== 'error' && targetKey(p) === targetKey(targets.get(i)!)) {
			addIssue(d.issues, { column: columns.parent, message: 'imports_error_parent_cycle' });
			parents.set(i, 'error');
		}
	});
	return { targets, parents };
}

/**
 * True when giving the row its new parent would make a unit its own ancestor, following
 * the file's parents for units in the file and the database's for the rest.
 */
export function makesCycle(
	i: number,
	targets: Map<number, UnitTarget>,
	parents: Map<number, UnitTarget | null | 'error'>,
	active: ExistingUnit[]
): boolean {
	const rowOfTarget = new Map([...targets].map(([row, t]) => [targetKey(t), row]));
	const dbParent = new Map(active.map((u) => [u.id, u.parentId]));
	const self = targetKey(targets.get(i)!);
	let cur = parents.get(i);
	for (let steps = 0; cur && cur !== 'error' && steps < 10_000; steps++) {
		const key = targetKey(cur);
		if (key === self) return true;
		const row = rowOfTarget.get(key);
		if (row !== undefined) cur = parents.get(row);
		else if ('unitId' in cur) {
			const p = dbParent.get(cur.unitId);
			cur = p ? { unitId: p } : null;
		} else cur = null;
	}
	return false;
}
