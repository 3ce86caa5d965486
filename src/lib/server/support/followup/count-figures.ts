import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { followupWhere, type FollowupFilter } from './followup-filter';
import { readTogether } from '../../db/read-together';
import { LESSON_MINUTES } from '../../../support/lost-time';

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
const num = (v: unknown) => (v == null ? 0 : Number(v));

/** Lost time summed: all of it in minutes, and as lessons (60 minutes each, one decimal). */
export type LostTime = { lessons: number; minutes: number; students: number };
/** A row of counts; `id` is the category's or unit's (null for cases without a category, and for device models and types). */
export type NamedCount = { id: string | null; name: string | null; cases: number } & LostTime;

/** Counts, lost teaching time, causes, ratings and SLA compliance for the cases a filter selects. */
export async function countFigures(db: Db, f: FollowupFilter) {
	const where = followupWhere(f);
	const lost = sql`count(*)::int AS cases, round(coalesce(sum(t.minutes_lost),0) / ${LESSON_MINUTES}::numeric, 1)::float8 AS lessons, coalesce(sum(t.minutes_lost),0)::int AS minutes, coalesce(sum(t.students_affected),0)::int AS students`;
	// One pass over the cases for the five plain groupings (grouping sets), each kind in its own order; the device
	// list and SLA compliance need joins of their own.
	const grouped = sql`WITH g AS (
			SELECT CASE WHEN GROUPING(t.chain) = 0 THEN 'line' WHEN GROUPING(t.category_id) = 0 THEN 'category'
					WHEN GROUPING(t.unit_id) = 0 THEN 'unit' WHEN GROUPING(t.cause) = 0 THEN 'cause' ELSE 'rating' END AS kind,
				t.chain, greatest(t.line, t.max_line) AS line, t.category_id, t.unit_id, t.cause, t.rating, ${lost}
			FROM tickets t WHERE ${where}
			GROUP BY GROUPING SETS ((t.chain, greatest(t.line, t.max_line)), (t.category_id), (t.unit_id), (t.cause), (t.rating))
		)
		SELECT g.*, CASE g.kind WHEN 'category' THEN c.name WHEN 'unit' THEN u.name END AS name
		FROM g LEFT JOIN support_categories c ON g.kind = 'category' AND c.id = g.category_id
			LEFT JOIN units u ON g.kind = 'unit' AND u.id = g.unit_id
		WHERE (g.kind <> 'cause' OR g.cause IS NOT NULL) AND (g.kind <> 'rating' OR g.rating IS NOT NULL)
		ORDER BY g.kind, CASE WHEN g.kind = 'unit' THEN -g.lessons END, CASE WHEN g.kind IN ('category', 'unit', 'cause') THEN -g.cases END,
			g.chain, g.line, g.rating, CASE WHEN g.kind = 'category' THEN c.name END, CASE WHEN g.kind = 'unit' THEN u.name_sort END`;
	const [groupedRows, byDevice, sla] = await readTogether(db, [
		() => db.execute(grouped),
		() =>
			// A registered device counts under its model (issue 17); otherwise the free-text device type, as typed.
			db.execute(sql`SELECT coalesce(dm.maker || ' ' || dm.model, t.device_type) AS name, ${lost} FROM tickets t
			LEFT JOIN devices d ON d.id = t.device_id LEFT JOIN device_models dm ON dm.id = d.model_id
			WHERE ${where} AND (t.device_id IS NOT NULL OR (t.device_type IS NOT NULL AND t.device_type <> ''))
			GROUP BY 1 ORDER BY cases DESC, 1 LIMIT 10`),
		() =>
			db.execute(sql`SELECT k.kind,
				count(*) FILTER (WHERE t.sla_targets ? k.target AND (t.state IN ('solved','closed') OR b.ticket_id IS NOT NULL))::int AS measured,
				count(b.ticket_id) FILTER (WHERE t.sla_targets ? k.target)::int AS breached
			FROM tickets t
			CROSS JOIN (VALUES ('first_response','firstResponse'), ('feedback','feedback'), ('resolution','resolution')) AS k(kind, target)
			LEFT JOIN ticket_sla_breaches b ON b.ticket_id = t.id AND b.kind = k.kind AND b.line = 0
			WHERE ${where} GROUP BY k.kind`)
	]);
	const named = (rows: Row[]): NamedCount[] =>
		rows.map((r) => ({
			id: ((r.category_id ?? r.unit_id ?? r.id) as string | null) ?? null,
			name: (r.name as string | null) ?? null,
			cases: num(r.cases),
			lessons: num(r.lessons),
			minutes: num(r.minutes),
			students: num(r.students)
		}));
	const all = rowsOf(groupedRows);
	const ofKind = (kind: string) => all.filter((r) => r.kind === kind);
	const ratingRows = ofKind('rating').map((r) => ({ rating: num(r.rating), cases: num(r.cases) }));
	const rated = ratingRows.reduce((s, r) => s + r.cases, 0);
	const causeRows = ofKind('cause').map((r) => ({ cause: String(r.cause), cases: num(r.cases) }));
	const classified = causeRows.reduce((s, r) => s + r.cases, 0);
	const categories = named(ofKind('category'));
	return {
		byChainLine: ofKind('line').map((r) => ({ chain: String(r.chain), line: num(r.line), cases: num(r.cases) })),
		categories,
		topCategories: categories.slice(0, 10),
		units: named(ofKind('unit')),
		devices: named(rowsOf(byDevice)),
		causes: causeRows,
		userErrorShare: classified ? (causeRows.find((c) => c.cause === 'user_error')?.cases ?? 0) / classified : null,
		ratings: {
			count: rated,
			average: rated ? ratingRows.reduce((s, r) => s + r.rating * r.cases, 0) / rated : null,
			distribution: [1, 2, 3, 4, 5].map((n) => ({ rating: n, cases: ratingRows.find((r) => r.rating === n)?.cases ?? 0 }))
		},
		sla: ['first_response', 'feedback', 'resolution'].map((kind) => {
			const r = rowsOf(sla).find((x) => x.kind === kind);
			const measured = num(r?.measured);
			const breached = num(r?.breached);
			return { kind, measured, breached, compliance: measured ? (measured - breached) / measured : null };
		})
	};
}
