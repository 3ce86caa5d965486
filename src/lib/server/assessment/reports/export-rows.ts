import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { computeOrganizerReport, type OrganizerReport } from './compute-organizer-report';
import { computeAreaReport } from './area/compute-area-report';
import { TOTAL } from './suppress';

/** The sheets of an export, each with its column names. */
export const EXPORT_SHEETS = {
	figures: ['sub_goal', 'unit', 'perspective', 'status', 'mean', 'level_answers', 'dont_know', 'not_applicable', 'respondents'],
	consensus: ['unit', 'sub_goal', 'item', 'level', 'evidence', 'note'],
	comments: ['unit', 'perspective', 'sub_goal', 'item', 'comment']
} as const;
export type ExportSheet = keyof typeof EXPORT_SHEETS;
export type ExportRow = { sheet: ExportSheet; cells: (string | number | null)[] };
type CommentRow = { unitId: string; perspective: string; itemKey: string; responseId: string; comment: string };

const COMMENT_BATCH = 2000;
const label = (key: string, all: string) => (key === TOTAL ? all : key);

/**
 * Every number of the organizer report (suppressed cells marked "suppressed", never left out), the
 * units' agreed levels with evidence and notes, and the comments of shown groups — read in batches
 * so there is no row cap. Authorizes and loads the report before yielding anything.
 */
export async function prepareReportExport(db: Db, opts: { actor: Actor; organizerId: string; roundId: string; areaId?: string | null }) {
	// An area's export is its roll-up (issue 14 item 6), authorized by the area rule in computeAreaReport.
	if (!opts.areaId) authorize(opts.actor, 'assessment.organizer_report', { type: 'organizer', organizerId: opts.organizerId });
	const report = opts.areaId ? await computeAreaReport(db, { ...opts, areaId: opts.areaId }) : await computeOrganizerReport(db, opts);
	return { report, rows: () => exportRows(db, opts.organizerId, report) };
}

async function* exportRows(db: Db, organizerId: string, report: OrganizerReport): AsyncGenerator<ExportRow> {
	const unitName = new Map(report.units.map((u) => [u.id, u.name]));
	const name = (id: string) => (id === TOTAL ? 'ALL' : (unitName.get(id) ?? id));
	for (const sg of report.subGoals) {
		for (const row of [...report.units.map((u) => u.id), TOTAL]) {
			for (const col of [...report.perspectives, TOTAL]) {
				const f = report.figures[sg.id][row][col];
				const respondents = report.respondents[row]?.[col];
				const status = f.suppressed ? 'suppressed' : f.shown ? 'shown' : 'no answers';
				yield {
					sheet: 'figures',
					cells: [sg.id, name(row), label(col, 'ALL'), status, f.mean === null ? null : Math.round(f.mean * 100) / 100, f.suppressed ? null : f.n, f.suppressed ? null : f.dontKnow, f.suppressed ? null : f.notApplicable, respondents === null ? 'suppressed' : (respondents ?? 0)]
				};
			}
		}
	}
	const subGoalOf = new Map(report.subGoals.flatMap((sg) => sg.itemKeys.map((k) => [k, sg.id])));
	for (const u of report.units) {
		for (const [item, c] of Object.entries(report.consensus[u.id] ?? {})) {
			yield { sheet: 'consensus', cells: [u.name, subGoalOf.get(item) ?? '', item, c.level ?? c.special, c.evidence, c.note] };
		}
	}
	let after: [string, string, string, string] | null = null;
	for (;;) {
		const cursor = after ? sql`AND (r.unit_id, r.perspective, a.item_key, a.response_id) > (${after[0]}::uuid, ${after[1]}, ${after[2]}, ${after[3]}::uuid)` : sql``;
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
			if (f?.shown) yield { sheet: 'comments', cells: [name(c.unitId), c.perspective, sg!, c.itemKey, c.comment] };
		}
		if (rows.length < COMMENT_BATCH) break;
		const last: CommentRow = rows[rows.length - 1];
		after = [last.unitId, last.perspective, last.itemKey, last.responseId];
	}
}
