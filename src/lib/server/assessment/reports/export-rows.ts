import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { computeOrganizerReport, type OrganizerReport } from './compute-organizer-report';
import { computeAreaReport } from './area/compute-area-report';
import { getRoundItems } from '../rounds/round-items';
import { exportLabels, type ExportColumn, type ExportLabels } from '../exports/export-labels';
import { TOTAL } from './suppress';

const col = (key: string, kind: ExportColumn['kind'], width: number): ExportColumn => ({ key, kind, width });

/** The sheets of an export, each with its columns (names come from the labels). */
export const EXPORT_SHEETS = {
	figures: [
		col('sub_goal', 'text', 9),
		col('sub_goal_title', 'text', 48),
		col('unit', 'text', 28),
		col('perspective', 'text', 18),
		col('status', 'text', 24),
		col('mean', 'decimal', 16),
		col('level_answers', 'integer', 14),
		col('dont_know', 'integer', 10),
		col('not_applicable', 'integer', 12),
		col('respondents', 'integer', 14)
	],
	consensus: [
		col('unit', 'text', 28),
		col('sub_goal', 'text', 9),
		col('item', 'text', 30),
		col('item_text', 'text', 60),
		col('level', 'integer', 14),
		col('evidence', 'text', 40),
		col('note', 'text', 40)
	],
	comments: [
		col('unit', 'text', 28),
		col('perspective', 'text', 18),
		col('sub_goal', 'text', 9),
		col('item', 'text', 30),
		col('item_text', 'text', 60),
		col('comment', 'text', 60)
	]
} satisfies Record<string, ExportColumn[]>;
export type ExportSheet = keyof typeof EXPORT_SHEETS;
/** One row of a sheet; a cell is text, a number (written as a number) or empty. */
export type ExportRow = { sheet: ExportSheet; cells: (string | number | null)[] };
type CommentRow = { unitId: string; perspective: string; itemKey: string; responseId: string; comment: string };

const COMMENT_BATCH = 2000;

/**
 * Every number of the organizer report (suppressed cells marked as hidden, never left out), the
 * units' agreed levels with evidence and notes, and the comments of shown groups — read in batches
 * so there is no row cap. Column names and codes in the reader's language (`locale`, Swedish by
 * default). Authorizes and loads the report before yielding anything.
 */
export async function prepareReportExport(
	db: Db,
	opts: { actor: Actor; organizerId: string; roundId: string; areaId?: string | null; locale?: string }
) {
	// An area's export is its roll-up (issue 14 item 6), authorized by the area rule in computeAreaReport.
	if (!opts.areaId) authorize(opts.actor, 'assessment.organizer_report', { type: 'organizer', organizerId: opts.organizerId });
	const report = opts.areaId ? await computeAreaReport(db, { ...opts, areaId: opts.areaId }) : await computeOrganizerReport(db, opts);
	const labels = exportLabels(opts.locale ?? 'sv');
	return { report, labels, rows: () => reportExportRows(db, { organizerId: opts.organizerId, report, labels }) };
}

/**
 * The export rows of a report the caller has already authorized and computed. `unitIds` limits
 * the rows to a set of units (a principal's own), with the report's totals kept as they are.
 */
export async function* reportExportRows(
	db: Db,
	{
		organizerId,
		report,
		labels,
		unitIds
	}: { organizerId: string; report: OrganizerReport; labels: ExportLabels; unitIds?: ReadonlySet<string> }
): AsyncGenerator<ExportRow> {
	const units = report.units.filter((u) => !unitIds || unitIds.has(u.id));
	const unitName = new Map(units.map((u) => [u.id, u.name]));
	const name = (id: string) => (id === TOTAL ? labels.allUnits : (unitName.get(id) ?? id));
	const perspective = (p: string) => (p === TOTAL ? labels.allPerspectives : labels.perspective(p));
	const { items } = await getRoundItems(db, {
		id: report.round.id,
		frameworkKey: report.round.frameworkKey,
		frameworkVersion: report.round.frameworkVersion
	});
	const itemText = new Map(items.map((i) => [i.key, i.statement[labels.locale]]));
	for (const sg of report.subGoals) {
		for (const row of [...units.map((u) => u.id), TOTAL]) {
			for (const p of [...report.perspectives, TOTAL]) {
				const f = report.figures[sg.id][row][p];
				const respondents = report.respondents[row]?.[p];
				const status = labels.status(f.suppressed ? 'suppressed' : f.shown ? 'shown' : 'no_answers');
				const hide = (n: number) => (f.suppressed ? null : n);
				yield {
					sheet: 'figures',
					cells: [
						sg.id,
						sg.title[labels.locale],
						name(row),
						perspective(p),
						status,
						f.mean === null ? null : Math.round(f.mean * 100) / 100,
						hide(f.n),
						hide(f.dontKnow),
						hide(f.notApplicable),
						respondents === null ? labels.hidden : (respondents ?? 0)
					]
				};
			}
		}
	}
	const subGoalOf = new Map(report.subGoals.flatMap((sg) => sg.itemKeys.map((k) => [k, sg.id])));
	for (const u of units) {
		for (const [item, c] of Object.entries(report.consensus[u.id] ?? {})) {
			const level = c.level ?? (c.special ? labels.special(c.special) : null);
			yield { sheet: 'consensus', cells: [u.name, subGoalOf.get(item) ?? '', item, itemText.get(item) ?? '', level, c.evidence, c.note] };
		}
	}
	let after: [string, string, string, string] | null = null;
	for (;;) {
		const cursor = after
			? sql`AND (r.unit_id, r.perspective, a.item_key, a.response_id) > (${after[0]}::uuid, ${after[1]}, ${after[2]}, ${after[3]}::uuid)`
			: sql``;
		const result: unknown = await db.execute(sql`
			SELECT r.unit_id AS "unitId", r.perspective, a.item_key AS "itemKey", a.response_id AS "responseId", a.comment
			FROM assessment_answers a JOIN assessment_responses r ON r.id = a.response_id AND r.organizer_id = ${organizerId}
			WHERE a.organizer_id = ${organizerId} AND r.round_id = ${report.round.id} AND r.submitted_at IS NOT NULL
				AND a.comment IS NOT NULL AND a.comment <> '' ${cursor}
			ORDER BY r.unit_id, r.perspective, a.item_key, a.response_id
			LIMIT ${COMMENT_BATCH}`);
		const rows: CommentRow[] = (result as { rows: CommentRow[] }).rows;
		for (const c of rows) {
			const sg = subGoalOf.get(c.itemKey);
			const f = sg ? report.figures[sg][c.unitId]?.[c.perspective] : undefined;
			if (f?.shown && unitName.has(c.unitId))
				yield {
					sheet: 'comments',
					cells: [name(c.unitId), labels.perspective(c.perspective), sg!, c.itemKey, itemText.get(c.itemKey) ?? '', c.comment]
				};
		}
		if (rows.length < COMMENT_BATCH) break;
		const last: CommentRow = rows[rows.length - 1];
		after = [last.unitId, last.perspective, last.itemKey, last.responseId];
	}
}
