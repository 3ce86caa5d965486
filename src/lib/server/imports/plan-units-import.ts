import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { unitInputSchema, type UnitInput } from '../org/unit-input';
import { asSchoolUnitCode, parseSchoolTypes, parseUnitKind } from './cell-values';
import { normalizeName } from './columns';
import { addIssue, countOutcomes, type PlanCounts, type PlanRowBase, type RowIssue } from './plan-types';
import { readImportFile } from './read-import-file';
import { makesCycle, resolveUnitTargets, targetKey, type DraftUnit, type UnitTarget } from './resolve-unit-targets';
import { UNIT_COLUMNS, type UnitColumn } from './unit-columns';

/** One row of a units import: what it says, where it lands, and the input to write. */
export type UnitPlanRow = PlanRowBase & {
	name: string;
	kind: string | null;
	schoolUnitCode: string | null;
	parentName: string;
	/** The existing unit the row updates (or leaves as it is). */
	unitId: string | null;
	/** The parent: an existing unit, another row's new unit, or the top level. */
	parent: UnitTarget | null;
	input: UnitInput | null;
};

export type UnitsPlan = { kind: 'units'; rows: UnitPlanRow[]; counts: PlanCounts };

/** Stands in for the id of a parent the same import creates, so the schema can check the rest. */
const NEW_PARENT_ID = '00000000-0000-4000-8000-000000000000';

const SCHEMA_FIELD: Record<string, UnitColumn> = {
	name: 'name',
	kind: 'kind',
	parentId: 'parent',
	schoolUnitCode: 'schoolUnitCode',
	schoolTypes: 'schoolTypes'
};

/**
 * Reads a units file and decides, row by row, what importing it would do, without writing.
 * Blank skolenhetskod or skolformer cells keep what an existing unit has; blank överordnad is the top level.
 */
export async function planUnitsImport(db: Db, opts: { actor: Actor; organizerId: string; text: string }): Promise<UnitsPlan> {
	const { actor, organizerId } = opts;
	authorize(actor, 'import.run', { type: 'organizer', organizerId });
	const file = readImportFile(opts.text, UNIT_COLUMNS);
	const col = file.names;

	const existing = await db.select().from(units).where(eq(units.organizerId, organizerId));
	const active = existing.filter((u) => !u.archivedAt);
	const archivedCodes = new Set(existing.filter((u) => u.archivedAt && u.schoolUnitCode).map((u) => u.schoolUnitCode!));
	const fileCodes = [...new Set(file.rows.flatMap((r) => asSchoolUnitCode(r.cells.schoolUnitCode) ?? []))];
	// Skolenhetskoder are unique across the installation, so this one look-up crosses organizers on purpose.
	const takenElsewhere = new Set(
		fileCodes.length
			? (
					await db
						.select({ code: units.schoolUnitCode })
						.from(units)
						.where(and(inArray(units.schoolUnitCode, fileCodes), ne(units.organizerId, organizerId)))
				).map((r) => r.code!)
			: []
	);

	const drafts = file.rows.map((r) => {
		const issues: RowIssue[] = [];
		const c = r.cells;
		if (r.extra) issues.push({ column: null, message: 'imports_error_extra_cells' });
		const kind = c.kind ? parseUnitKind(c.kind) : null;
		if (!c.kind) addIssue(issues, { column: col.kind, message: 'imports_error_required' });
		else if (!kind) addIssue(issues, { column: col.kind, message: 'imports_error_unit_kind', params: { value: c.kind } });
		const code = asSchoolUnitCode(c.schoolUnitCode);
		if (c.schoolUnitCode && !code) addIssue(issues, { column: col.schoolUnitCode, message: 'imports_error_school_unit_code' });
		if (code && takenElsewhere.has(code))
			addIssue(issues, { column: col.schoolUnitCode, message: 'imports_error_code_taken', params: { value: code } });
		if (code && archivedCodes.has(code))
			addIssue(issues, { column: col.schoolUnitCode, message: 'imports_error_unit_archived', params: { value: code } });
		const types = parseSchoolTypes(c.schoolTypes);
		if (types.unknown.length)
			addIssue(issues, { column: col.schoolTypes, message: 'imports_error_school_types', params: { value: types.unknown.join(', ') } });
		const draft: DraftUnit & { kind: typeof kind; types: string[] | null } = {
			name: c.name,
			code,
			parentText: c.parent,
			issues,
			kind,
			types: c.schoolTypes ? types.codes : null
		};
		return draft;
	});

	// The same skolenhetskod on several rows: none of them can be right.
	const linesByCode = new Map<string, number[]>();
	drafts.forEach((d, i) => d.code && linesByCode.set(d.code, [...(linesByCode.get(d.code) ?? []), file.rows[i].line]));
	drafts.forEach((d, i) => {
		const lines = d.code ? linesByCode.get(d.code)! : [];
		if (lines.length > 1) {
			const others = lines.filter((l) => l !== file.rows[i].line).join(', ');
			addIssue(d.issues, {
				column: col.schoolUnitCode,
				message: 'imports_error_code_duplicate',
				params: { value: d.code!, lines: others }
			});
		}
	});

	const { targets, parents } = resolveUnitTargets(drafts, active, { parent: col.parent, name: col.name });
	const byId = new Map(existing.map((u) => [u.id, u]));

	// Two rows about the same unit (same match, or the same new name under the same parent).
	const firstLine = new Map<string, number>();
	drafts.forEach((d, i) => {
		const t = targets.get(i)!;
		const p = parents.get(i);
		const keys = [targetKey(t)];
		if ('row' in t && p !== 'error') keys.push(`n:${p ? targetKey(p) : ''}/${normalizeName(d.name)}`);
		for (const key of keys) {
			const first = firstLine.get(key);
			if (first === undefined) firstLine.set(key, file.rows[i].line);
			else addIssue(d.issues, { column: null, message: 'imports_error_duplicate_row', params: { line: first } });
		}
	});

	const rows: UnitPlanRow[] = drafts.map((d, i) => {
		const target = targets.get(i)!;
		const parent = parents.get(i) ?? null;
		const current = 'unitId' in target ? byId.get(target.unitId)! : null;
		if (parent !== 'error' && makesCycle(i, targets, parents, active))
			addIssue(d.issues, { column: col.parent, message: 'imports_error_parent_cycle' });
		const candidate = {
			name: d.name,
			kind: d.kind ?? '',
			parentId: parent === 'error' || parent === null ? null : 'unitId' in parent ? parent.unitId : NEW_PARENT_ID,
			schoolUnitCode: d.code ?? current?.schoolUnitCode ?? null,
			schoolTypes: d.types ?? current?.schoolTypes ?? []
		};
		const parsed = unitInputSchema.safeParse(candidate);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = SCHEMA_FIELD[String(issue.path[0])];
				if (field) addIssue(d.issues, { column: col[field], message: issue.message });
				else addIssue(d.issues, { column: null, message: issue.message });
			}
		}
		return {
			line: file.rows[i].line,
			outcome: 'create',
			issues: d.issues,
			changed: [],
			name: d.name,
			kind: d.kind,
			schoolUnitCode: candidate.schoolUnitCode,
			parentName: file.rows[i].cells.parent,
			unitId: current?.id ?? null,
			parent: parent === 'error' ? null : parent,
			input: parsed.success ? parsed.data : null
		};
	});

	// A row whose parent is another row's new unit fails with that row; repeat for grandchildren.
	for (let changed = true; changed;) {
		changed = false;
		for (const r of rows) {
			const p = r.parent;
			if (r.issues.length === 0 && p && 'row' in p && rows[p.row].issues.length > 0) {
				r.issues.push({ column: col.parent, message: 'imports_error_parent_row_invalid', params: { line: rows[p.row].line } });
				changed = true;
			}
		}
	}

	for (const r of rows) {
		const current = r.unitId ? byId.get(r.unitId)! : null;
		if (r.issues.length) r.outcome = 'error';
		else if (current && r.input) {
			r.changed = changedColumns(current, r.input, r.parent, col);
			r.outcome = r.changed.length ? 'update' : 'unchanged';
		}
	}
	return { kind: 'units', rows, counts: countOutcomes(rows) };
}

function changedColumns(
	current: typeof units.$inferSelect,
	input: UnitInput,
	parent: UnitTarget | null,
	col: Record<UnitColumn, string>
): string[] {
	const out: string[] = [];
	if (current.name !== input.name) out.push(col.name);
	if (current.kind !== input.kind) out.push(col.kind);
	if ((current.schoolUnitCode ?? null) !== (input.schoolUnitCode ?? null)) out.push(col.schoolUnitCode);
	if ([...current.schoolTypes].sort().join() !== [...input.schoolTypes].sort().join()) out.push(col.schoolTypes);
	const parentId = parent && 'unitId' in parent ? parent.unitId : parent ? 'new' : null;
	if ((current.parentId ?? null) !== parentId) out.push(col.parent);
	return out;
}
