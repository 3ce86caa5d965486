import { ASSIGNABLE_ROLES } from '../policies/roles';
import { SCHOOL_TYPES, UNIT_KIND_KEYS } from '../org/unit-kinds';
import type { ColumnSpec } from './columns';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './limits';
import { PERSON_COLUMNS } from './person-columns';
import type { ImportPlan } from './plan-import-batch';
import { UNIT_COLUMNS } from './unit-columns';

const presentColumns = (columns: readonly ColumnSpec[]) =>
	columns.map(({ key, header, aliases, required }) => ({ key, header, aliases, required }));

/** What the import page documents: the columns of each kind, the accepted values and the limits. */
export function presentImportGuide() {
	return {
		units: presentColumns(UNIT_COLUMNS),
		people: presentColumns(PERSON_COLUMNS),
		unitKinds: [...UNIT_KIND_KEYS],
		roles: [...ASSIGNABLE_ROLES],
		schoolTypes: [...SCHOOL_TYPES],
		maxMegabytes: MAX_IMPORT_BYTES / (1024 * 1024),
		maxRows: MAX_IMPORT_ROWS
	};
}

/** The preview rows with only what the page shows (no ids, no inputs). */
export function presentImportPlan(plan: ImportPlan) {
	const base = (r: ImportPlan['rows'][number]) => ({ line: r.line, outcome: r.outcome, changed: r.changed, issues: r.issues });
	if (plan.kind === 'units') {
		return {
			kind: 'units' as const,
			counts: plan.counts,
			units: plan.rows.map((r) => ({
				...base(r),
				name: r.name,
				unitKind: r.kind,
				schoolUnitCode: r.schoolUnitCode,
				parentName: r.parentName
			})),
			people: []
		};
	}
	return {
		kind: 'people' as const,
		counts: plan.counts,
		units: [],
		people: plan.rows.map((r) => ({
			...base(r),
			name: r.name,
			email: r.email,
			role: r.role,
			unitName: r.unitName,
			startsOn: r.startsOn,
			endsOn: r.endsOn,
			newRole: r.assignsRole
		}))
	};
}
