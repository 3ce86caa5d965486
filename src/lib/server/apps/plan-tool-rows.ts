import { appTools, type ToolKind } from '../db/schema/apps';
import { parseYesNo } from '../imports/cell-values';
import type { ImportRow } from '../imports/read-import-file';
import { addIssue, countOutcomes, type PlanCounts, type PlanRowBase, type RowIssue } from '../imports/plan-types';
import { parseCost, parseSchoolForms, parseSignIn, parseToolKind, parseYears } from './tool-cell-values';
import { yearValue } from '$lib/apps/labels';
import type { ToolColumn } from './tool-columns';
import { toolSchema } from './tool-input';
import { nameKey } from './save-tool';

type Tool = typeof appTools.$inferSelect;

/** One row of a register file: what it says, which entry it changes, and the input to write. */
export type ToolPlanRow = PlanRowBase & {
	name: string;
	vendor: string;
	kind: ToolKind | null;
	toolId: string | null;
	/** The form input saveTool takes (the entry as it is, with the file's filled cells on top). */
	input: Record<string, unknown> | null;
};

export type ToolsPlan = { rows: ToolPlanRow[]; counts: PlanCounts };

/** Columns whose cells are copied as text. */
const TEXT = [
	'vendor',
	'url',
	'description',
	'dataDescription',
	'storage',
	'accessibilityUrl',
	'interoperability'
] as const satisfies readonly ToolColumn[];
/** The fields compared to tell a changed entry from an unchanged one. */
const COMPARED = ['name', ...TEXT, 'kind', 'signIn', 'personalData', 'yearlyCost'] as const satisfies readonly ToolColumn[];

/** An entry as the tool form would send it, so a row only needs to say what it changes. */
function formOf(tool: Tool | null): Record<string, unknown> {
	if (!tool) return { kind: '', signIn: 'sso', personalData: 'on', schoolForms: [] };
	return {
		name: tool.name,
		vendor: tool.vendor,
		kind: tool.kind,
		url: tool.url,
		description: tool.description,
		schoolForms: tool.schoolForms,
		yearFrom: yearValue(tool.yearFrom),
		yearTo: yearValue(tool.yearTo),
		signIn: tool.signIn,
		personalData: tool.personalData ? 'on' : undefined,
		dataDescription: tool.dataDescription,
		storage: tool.storage,
		accessibilityUrl: tool.accessibilityUrl,
		interoperability: tool.interoperability,
		ownerId: tool.ownerId ?? '',
		yearlyCost: tool.yearlyCost === null ? '' : String(tool.yearlyCost)
	};
}

/**
 * Decides, row by row, what importing a register file would do against the entries the organizer has, without
 * writing. Tools are matched by name whatever the case and spacing. A filled cell replaces what the entry has; a
 * blank cell keeps it (a new entry gets the form's defaults: SSO, handles personal data). Problems name their column:
 * a kind, school form, sign-in or yes/no the register does not know, a cost that is not whole kronor, a web address
 * that is not one, a name missing or already on an earlier row of the file.
 */
export function planToolRows(rows: ImportRow<ToolColumn>[], col: Record<ToolColumn, string>, existing: Tool[]): ToolsPlan {
	const byKey = new Map(existing.map((t) => [t.nameKey, t]));
	const firstLine = new Map<string, number>();
	const planned = rows.map((r): ToolPlanRow => {
		const c = r.cells;
		const issues: RowIssue[] = [];
		if (r.extra) issues.push({ column: null, message: 'imports_error_extra_cells' });
		const key = nameKey(c.name);
		const current = c.name ? (byKey.get(key) ?? null) : null;
		if (!c.name) addIssue(issues, { column: col.name, message: 'imports_error_required' });
		else if (firstLine.has(key))
			addIssue(issues, { column: col.name, message: 'apps_import_error_duplicate', params: { line: firstLine.get(key)! } });
		else firstLine.set(key, r.line);

		const form: Record<string, unknown> = { ...formOf(current), name: c.name.replace(/\s+/g, ' ') };
		for (const f of TEXT) if (c[f]) form[f] = c[f];
		if (c.kind) {
			const kind = parseToolKind(c.kind);
			if (kind) form.kind = kind;
			else addIssue(issues, { column: col.kind, message: 'apps_import_error_kind', params: { value: c.kind } });
		} else if (!current) addIssue(issues, { column: col.kind, message: 'imports_error_required' });
		if (c.schoolForms) {
			const parsed = parseSchoolForms(c.schoolForms);
			if (parsed.unknown.length)
				addIssue(issues, {
					column: col.schoolForms,
					message: 'apps_import_error_school_forms',
					params: { value: parsed.unknown.join(', ') }
				});
			else form.schoolForms = parsed.forms;
		}
		if (c.years) {
			const years = parseYears(c.years);
			if (years) Object.assign(form, years);
			else addIssue(issues, { column: col.years, message: 'apps_import_error_years', params: { value: c.years } });
		}
		if (c.signIn) {
			const signIn = parseSignIn(c.signIn);
			if (signIn) form.signIn = signIn;
			else addIssue(issues, { column: col.signIn, message: 'apps_import_error_sign_in', params: { value: c.signIn } });
		}
		if (c.personalData) {
			const yes = parseYesNo(c.personalData);
			if (yes === undefined)
				addIssue(issues, { column: col.personalData, message: 'imports_error_yes_no', params: { value: c.personalData } });
			else form.personalData = yes ? 'on' : undefined;
		}
		if (c.yearlyCost) {
			const cost = parseCost(c.yearlyCost);
			if (cost === null) addIssue(issues, { column: col.yearlyCost, message: 'apps_import_error_cost', params: { value: c.yearlyCost } });
			else form.yearlyCost = String(cost);
		}

		const parsed = toolSchema.safeParse(form);
		if (!parsed.success)
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0]);
				const column = field === 'yearFrom' || field === 'yearTo' ? 'years' : (field as ToolColumn);
				addIssue(issues, { column: col[column] ?? null, message: issue.message });
			}
		const row: ToolPlanRow = {
			line: r.line,
			outcome: 'create',
			issues,
			changed: [],
			name: c.name,
			vendor: String(form.vendor ?? ''),
			kind: parsed.success ? parsed.data.kind : null,
			toolId: current?.id ?? null,
			input: parsed.success ? form : null
		};
		if (issues.length) row.outcome = 'error';
		else if (current && parsed.success) {
			const now = parsed.data;
			const before = toolSchema.parse(formOf(current));
			row.changed = COMPARED.filter((f) => String(now[f]) !== String(before[f])).map((f) => col[f]);
			if ([...now.schoolForms].sort().join() !== [...before.schoolForms].sort().join()) row.changed.push(col.schoolForms);
			if (now.yearFrom !== before.yearFrom || now.yearTo !== before.yearTo) row.changed.push(col.years);
			row.outcome = row.changed.length ? 'update' : 'unchanged';
		}
		return row;
	});
	return { rows: planned, counts: countOutcomes(planned) };
}
