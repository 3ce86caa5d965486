import type { Role } from '../policies/roles';
import { asSchoolUnitCode, parseIsoDate, parseRole } from './cell-values';
import { normalizeName, type RowCells } from './columns';
import { addIssue, type RowIssue } from './plan-types';
import type { PersonColumn } from './person-columns';

type UnitRef = { id: string; name: string; schoolUnitCode: string | null };

/**
 * The role part of a people row: the role (key or label), the unit (skolenhetskod or name among
 * the organizer's active units; blank = the whole organizer) and the dates, with any problems.
 */
export function readRoleCells(c: RowCells<PersonColumn>, col: Record<PersonColumn, string>, activeUnits: UnitRef[]) {
	const issues: RowIssue[] = [];
	const role: Role | null = c.role ? parseRole(c.role) : null;
	if (c.role && !role) addIssue(issues, { column: col.role, message: 'imports_error_role', params: { value: c.role } });
	if (!c.role && (c.unit || c.startsOn || c.endsOn)) addIssue(issues, { column: col.role, message: 'imports_error_role_missing' });

	let unitId: string | null = null;
	let unitName: string | null = null;
	if (c.unit) {
		const code = asSchoolUnitCode(c.unit);
		const hits = code
			? activeUnits.filter((u) => u.schoolUnitCode === code)
			: activeUnits.filter((u) => normalizeName(u.name) === normalizeName(c.unit));
		if (hits.length === 1) [unitId, unitName] = [hits[0].id, hits[0].name];
		else if (hits.length === 0) addIssue(issues, { column: col.unit, message: 'imports_error_unit_not_found', params: { value: c.unit } });
		else addIssue(issues, { column: col.unit, message: 'imports_error_unit_name_ambiguous', params: { value: c.unit } });
	}

	const startsOn = c.startsOn ? parseIsoDate(c.startsOn) : null;
	const endsOn = c.endsOn ? parseIsoDate(c.endsOn) : null;
	if (c.startsOn && !startsOn) addIssue(issues, { column: col.startsOn, message: 'imports_error_date', params: { value: c.startsOn } });
	if (c.endsOn && !endsOn) addIssue(issues, { column: col.endsOn, message: 'imports_error_date', params: { value: c.endsOn } });
	if (startsOn && endsOn && endsOn < startsOn) addIssue(issues, { column: col.endsOn, message: 'imports_error_date_order' });
	return { role, unitId, unitName, startsOn, endsOn, issues };
}
