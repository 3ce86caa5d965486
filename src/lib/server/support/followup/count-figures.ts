import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { followupWhere, type FollowupFilter } from './followup-filter';
import { countRows } from './count-rows';
import { readTogether } from '../../db/read-together';
import { LESSON_MINUTES } from '../../../support/lost-time';

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
const num = (v: unknown) => (v == null ? 0 : Number(v));

/** Lost time summed: all of it in minutes, and as lessons (60 minutes each, one decimal). */
export type LostTime = { lessons: number; minutes: number; students: number };
/** A row of counts; `id` is the category's or unit's (null for cases without a category, and for device models and types). */
export type NamedCount = { id: string | null; name: string | null; cases: number } & LostTime;

/**
 * Counts, lost teaching time, causes, ratings and SLA compliance for the cases a filter selects: summed from the counts
 * kept per unit and month (countRows, decision 075) — each kind of row in its old order; the device list reads the
 * cases about a device (its partial index), since a device's model is not kept with the counts.
 */
export async function countFigures(db: Db, f: FollowupFilter) {
	const where = followupWhere(f);
	const lost = sql`count(*)::int AS cases, round(coalesce(sum(t.minutes_lost),0) / ${LESSON_MINUTES}::numeric, 1)::float8 AS lessons, coalesce(sum(t.minutes_lost),0)::int AS minutes, coalesce(sum(t.students_affected),0)::int AS students`;
	const sums = sql`sum(r.cases)::int AS cases, round(coalesce(sum(r.minutes),0) / ${LESSON_MINUTES}::numeric, 1)::float8 AS lessons, coalesce(sum(r.minutes),0)::int AS minutes, coalesce(sum(r.students),0)::int AS students`;
	// The SLA counts travel on the line rows only (every case has one); the other kinds carry nulls there.
	const sla = sql`sum(r.first_response_measured)::int AS first_response_measured, sum(r.first_response_breached)::int AS first_response_breached,
		sum(r.feedback_measured)::int AS feedback_measured, sum(r.feedback_breached)::int AS feedback_breached,
		sum(r.resolution_measured)::int AS resolution_measured, sum(r.resolution_breached)::int AS resolution_breached`;
	const noSla = sql`NULL::int, NULL::int, NULL::int, NULL::int, NULL::int, NULL::int`;
	// The five groupings of the kept rows, each kind in its old order (as the grouping-sets pass over the cases had them).
	const grouped = sql`WITH r AS (${countRows(f)}), g AS (
			SELECT 'line' AS kind, r.chain, r.key::int AS line, NULL::uuid AS category_id, NULL::uuid AS unit_id, NULL::text AS cause,
				NULL::int AS rating, ${sums}, ${sla} FROM r WHERE r.kind = 'line' GROUP BY r.chain, r.key
			UNION ALL SELECT 'category', NULL, NULL, nullif(r.key, '')::uuid, NULL, NULL, NULL, ${sums}, ${noSla}
				FROM r WHERE r.kind = 'category' GROUP BY r.key
			UNION ALL SELECT 'unit', NULL, NULL, NULL, r.unit_id, NULL, NULL, ${sums}, ${noSla} FROM r WHERE r.kind = 'line' GROUP BY r.unit_id
			UNION ALL SELECT 'cause', NULL, NULL, NULL, NULL, r.key, NULL, ${sums}, ${noSla}
				FROM r WHERE r.kind = 'cause' AND r.key <> '' GROUP BY r.key
			UNION ALL SELECT 'rating', NULL, NULL, NULL, NULL, NULL, r.key::int, ${sums}, ${noSla}
				FROM r WHERE r.kind = 'rating' AND r.key <> '' GROUP BY r.key
		)
		SELECT g.*, CASE g.kind WHEN 'category' THEN c.name WHEN 'unit' THEN u.name END AS name
		FROM g LEFT JOIN support_categories c ON g.kind = 'category' AND c.id = g.category_id
			LEFT JOIN units u ON g.kind = 'unit' AND u.id = g.unit_id
		WHERE g.cases > 0
		ORDER BY g.kind, CASE WHEN g.kind = 'unit' THEN -g.lessons END, CASE WHEN g.kind IN ('category', 'unit', 'cause') THEN -g.cases END,
			g.chain, g.line, g.rating, CASE WHEN g.kind = 'category' THEN c.name END, CASE WHEN g.kind = 'unit' THEN u.name_sort END, g.cause`;
	const [groupedRows, byDevice] = await readTogether(db, [
		() => db.execute(grouped),
		() =>
			// A registered device counts under its model (issue 17); otherwise the free-text device type, as typed.
			db.execute(sql`SELECT coalesce(dm.maker || ' ' || dm.model, t.device_type) AS name, ${lost} FROM tickets t
			LEFT JOIN devices d ON d.id = t.device_id LEFT JOIN device_models dm ON dm.id = d.model_id
			WHERE ${where} AND (t.device_id IS NOT NULL OR (t.device_type IS NOT NULL AND t.device_type <> ''))
			GROUP BY 1 ORDER BY cases DESC, 1 LIMIT 10`)
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
			const lines = ofKind('line');
			const measured = lines.reduce((n, r) => n + num(r[`${kind}_measured`]), 0);
			const breached = lines.reduce((n, r) => n + num(r[`${kind}_breached`]), 0);
			return { kind, measured, breached, compliance: measured ? (measured - breached) / measured : null };
		})
	};
}
