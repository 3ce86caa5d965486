import { normalizeName } from '../../imports/columns';
import type { ImportRow } from '../../imports/read-import-file';
import { addIssue, type RowIssue } from '../../imports/plan-types';
import { parseArea, parseComparisonNumber, parseGender, type ComparisonArea } from './comparison-cells';
import { DEFAULT_SOURCE, type ComparisonColumn } from './comparison-columns';
import { parseMeasure, type Measure } from './comparison-measures';
import { parsePeriod, type ComparisonPeriod } from './comparison-periods';

export type ComparisonOutcome = 'create' | 'update' | 'unchanged' | 'skip' | 'error';
export type KnownKeyFigure = { id: string; source: string; code: string; title: string; measure: string };
export type KnownValue = { keyFigureId: string; areaCode: string; period: string; value: number };
export type KnownUnit = { id: string; name: string; schoolUnitCode: string | null };

/** A key figure as the import leaves it: an existing one (id) or a new one, with the title and unit it will have. */
export type PlannedKeyFigure = {
	ref: string;
	id: string | null;
	source: string;
	code: string;
	title: string;
	measure: Measure;
	titleChanged: boolean;
};

/** One row of a comparison file: what it says, and what it writes when it has no problems. */
export type ComparisonPlanRow = {
	line: number;
	outcome: ComparisonOutcome;
	issues: RowIssue[];
	changed: string[];
	code: string;
	title: string;
	areaLabel: string;
	period: string;
	value: string;
	measure: Measure | null;
	write: { figureRef: string; area: ComparisonArea; unitId: string | null; period: ComparisonPeriod; value: number } | null;
};

export type ComparisonPlan = {
	rows: ComparisonPlanRow[];
	figures: PlannedKeyFigure[];
	counts: Record<ComparisonOutcome, number>;
};

const figureRef = (source: string, code: string) => `${normalizeName(source)}\u0000${code}`;
/** Kolada's ids are upper case without spaces (N15419); files sometimes write them otherwise. */
const normalizeCode = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const CODE_MAX = 40;
const TITLE_MAX = 300;
const SOURCE_MAX = 60;

/**
 * Decides, row by row, what importing a comparison file would do, without writing (decision 063). Refused per row,
 * beside the column: an area that is neither the organizer's kommunkod nor a skolenhetskod of one of its units; a
 * unit of measure other than the one the key figure already has (stored, or set by an earlier line of the file); an
 * unreadable period or value; a key figure seen for the first time without a title or unit of measure; the same key
 * figure, area and period twice. Rows broken down by gender are left out (outcome skip).
 */
export function planComparisonRows(
	rows: ImportRow<ComparisonColumn>[],
	col: Record<ComparisonColumn, string>,
	ctx: { municipalityCode: string | null; units: KnownUnit[]; keyFigures: KnownKeyFigure[]; values: KnownValue[] }
): ComparisonPlan {
	const known = new Map(ctx.keyFigures.map((k) => [figureRef(k.source, k.code), k]));
	const unitByCode = new Map(ctx.units.filter((u) => u.schoolUnitCode).map((u) => [u.schoolUnitCode!, u]));
	const valueOf = new Map(ctx.values.map((v) => [`${v.keyFigureId}\u0000${v.areaCode}\u0000${v.period}`, v.value]));
	const figures = new Map<string, PlannedKeyFigure & { measureLine: number | null }>();
	const seen = new Map<string, number>();

	const planned = rows.map((r): ComparisonPlanRow => {
		const c = r.cells;
		const issues: RowIssue[] = [];
		const row: ComparisonPlanRow = {
			line: r.line,
			outcome: 'error',
			issues,
			changed: [],
			code: normalizeCode(c.code),
			title: c.title,
			areaLabel: c.area,
			period: c.period,
			value: c.value,
			measure: null,
			write: null
		};
		const gender = parseGender(c.gender);
		if (gender === null) addIssue(issues, { column: col.gender, message: 'cmp_import_error_gender', params: { value: c.gender } });
		else if (gender === 'part') return { ...row, outcome: 'skip' };
		if (r.extra) issues.push({ column: null, message: 'imports_error_extra_cells' });

		const source = c.source || DEFAULT_SOURCE;
		if (source.length > SOURCE_MAX) addIssue(issues, { column: col.source, message: 'cmp_import_error_too_long' });
		if (!row.code) addIssue(issues, { column: col.code, message: 'imports_error_required' });
		else if (row.code.length > CODE_MAX) addIssue(issues, { column: col.code, message: 'cmp_import_error_too_long' });
		if (c.title.length > TITLE_MAX) addIssue(issues, { column: col.title, message: 'cmp_import_error_too_long' });

		const ref = figureRef(source, row.code);
		const stored = known.get(ref);
		const earlier = figures.get(ref);
		const title = c.title || earlier?.title || stored?.title || '';
		row.title = title;
		if (row.code && !title) addIssue(issues, { column: col.title, message: 'cmp_import_error_title_missing', params: { code: row.code } });

		let measure: Measure | null;
		if (c.measure) {
			measure = parseMeasure(c.measure);
			if (!measure) addIssue(issues, { column: col.measure, message: 'cmp_import_error_measure_unknown', params: { value: c.measure } });
			else if (stored && stored.measure !== measure)
				addIssue(issues, {
					column: col.measure,
					message: 'cmp_import_error_measure_differs',
					params: { code: row.code, stored: stored.measure, given: measure }
				});
			else if (earlier && earlier.measure !== measure)
				addIssue(issues, {
					column: col.measure,
					message: 'cmp_import_error_measure_differs_in_file',
					params: { code: row.code, line: earlier.measureLine ?? 0, stored: earlier.measure, given: measure }
				});
		} else {
			measure = (earlier?.measure ?? stored?.measure ?? null) as Measure | null;
			if (row.code && !measure)
				addIssue(issues, { column: col.measure, message: 'cmp_import_error_measure_missing', params: { code: row.code } });
		}
		row.measure = measure;

		const area = parseArea(c.area);
		let unitId: string | null = null;
		if (!c.area) addIssue(issues, { column: col.area, message: 'imports_error_required' });
		else if (!area) addIssue(issues, { column: col.area, message: 'cmp_import_error_area_format', params: { value: c.area } });
		else if (area.kind === 'municipality') {
			if (!ctx.municipalityCode)
				addIssue(issues, { column: col.area, message: 'cmp_import_error_no_municipality_code', params: { value: area.code } });
			else if (area.code !== ctx.municipalityCode)
				addIssue(issues, {
					column: col.area,
					message: 'cmp_import_error_municipality_unknown',
					params: { value: area.code, own: ctx.municipalityCode }
				});
			else row.areaLabel = area.code;
		} else {
			const unit = unitByCode.get(area.code);
			if (!unit) addIssue(issues, { column: col.area, message: 'cmp_import_error_school_unit_unknown', params: { value: area.code } });
			else {
				unitId = unit.id;
				row.areaLabel = `${unit.name} (${area.code})`;
			}
		}

		const period = parsePeriod(c.period);
		if (!c.period) addIssue(issues, { column: col.period, message: 'imports_error_required' });
		else if (!period) addIssue(issues, { column: col.period, message: 'cmp_import_error_period', params: { value: c.period } });
		else row.period = period.period;

		const value = parseComparisonNumber(c.value);
		if (!c.value) addIssue(issues, { column: col.value, message: 'cmp_import_error_value_missing' });
		else if (value === null) addIssue(issues, { column: col.value, message: 'cmp_import_error_value', params: { value: c.value } });

		if (area && period && row.code) {
			const key = `${ref}\u0000${area.code}\u0000${period.period}`;
			const first = seen.get(key);
			if (first !== undefined) addIssue(issues, { column: null, message: 'cmp_import_error_duplicate', params: { line: first } });
			else seen.set(key, r.line);
		}

		// The first line that names a key figure decides its unit; a later title renames it.
		if (row.code && measure && title && !figures.has(ref))
			figures.set(ref, {
				ref,
				id: stored?.id ?? null,
				source: stored?.source ?? source,
				code: row.code,
				title,
				measure,
				titleChanged: false,
				measureLine: c.measure ? r.line : null
			});
		else if (earlier && c.title && !issues.length) earlier.title = c.title;
		if (issues.length || !area || !period || value === null || !measure) return row;

		row.write = { figureRef: ref, area, unitId, period, value };
		const before = stored ? valueOf.get(`${stored.id}\u0000${area.code}\u0000${period.period}`) : undefined;
		if (stored && c.title && c.title !== stored.title) row.changed.push(col.title);
		if (before === undefined) row.outcome = 'create';
		else {
			if (before !== value) row.changed.push(col.value);
			row.outcome = row.changed.length ? 'update' : 'unchanged';
		}
		return row;
	});

	const counts: Record<ComparisonOutcome, number> = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 };
	for (const r of planned) counts[r.outcome]++;
	const out = [...figures.values()].map(({ measureLine: _, ...f }) => {
		const stored = f.id ? ctx.keyFigures.find((k) => k.id === f.id) : undefined;
		return { ...f, titleChanged: !!stored && stored.title !== f.title };
	});
	return { rows: planned, figures: out, counts };
}
