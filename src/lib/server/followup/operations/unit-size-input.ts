import type { FieldIssue } from '../../errors';

/** The largest size a unit may have (a typo guard: no Swedish school unit has a million students). */
export const MAX_UNIT_SIZE = 100_000;

/** One unit's size as typed: students and staff, each a whole number ≥ 0 or empty (not known). */
export type UnitSizeInput = { unitId: string; students: string; staff: string };
export type UnitSizeValue = { unitId: string; students: number | null; staff: number | null };

/** A typed count: '' → null; a whole number from 0 to MAX_UNIT_SIZE → that number; anything else → the issue's key. */
export function parseCount(raw: string): { value: number | null } | { issue: string } {
	const v = raw.trim().replace(/\s/g, '');
	if (v === '') return { value: null };
	if (/^-\d+$/.test(v)) return { issue: 'ops_size_error_negative' };
	if (!/^\d+$/.test(v)) return { issue: 'ops_size_error_number' };
	const n = Number(v);
	return n > MAX_UNIT_SIZE ? { issue: 'ops_size_error_too_large' } : { value: n };
}

/**
 * Checks typed sizes against the units that may carry one: an issue beside each bad field (named
 * `students-<unitId>` / `staff-<unitId>`, as the sizes page names its inputs) and beside an unknown unit.
 */
export function checkUnitSizes(rows: UnitSizeInput[], knownUnitIds: Set<string>): { values: UnitSizeValue[]; issues: FieldIssue[] } {
	const issues: FieldIssue[] = [];
	const values: UnitSizeValue[] = [];
	for (const r of rows) {
		if (!knownUnitIds.has(r.unitId)) {
			issues.push({ field: `unit-${r.unitId}`, message: 'ops_size_error_unit' });
			continue;
		}
		const students = parseCount(r.students);
		const staff = parseCount(r.staff);
		if ('issue' in students) issues.push({ field: `students-${r.unitId}`, message: students.issue });
		if ('issue' in staff) issues.push({ field: `staff-${r.unitId}`, message: staff.issue });
		if ('value' in students && 'value' in staff) values.push({ unitId: r.unitId, students: students.value, staff: staff.value });
	}
	return { values, issues };
}
