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
	const [byChainLine, byCategory, byUnit, byDevice, causes, ratings, sla] = await readTogether(db, [
		() =>
			db.execute(sql`SELECT t.chain, greatest(t.line, coalesce((SELECT max(e.line_to) FROM ticket_events e WHERE e.ticket_id = t.id), 1)) AS line, count(*)::int AS cases
			FROM tickets t WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`),
		() =>
			db.execute(sql`SELECT c.id, c.name, ${lost} FROM tickets t LEFT JOIN support_categories c ON c.id = t.category_id
			WHERE ${where} GROUP BY c.id, c.name ORDER BY cases DESC, c.name`),
		() =>
			db.execute(sql`SELECT u.id, u.name, ${lost} FROM tickets t JOIN units u ON u.id = t.unit_id
			WHERE ${where} GROUP BY u.id, u.name, u.name_sort ORDER BY lessons DESC, cases DESC, u.name_sort`),
		() =>
			// A registered device counts under its model (issue 17); otherwise the free-text device type, as typed.
			db.execute(sql`SELECT coalesce(dm.maker || ' ' || dm.model, t.device_type) AS name, ${lost} FROM tickets t
			LEFT JOIN devices d ON d.id = t.device_id LEFT JOIN device_models dm ON dm.id = d.model_id
			WHERE ${where} AND (t.device_id IS NOT NULL OR (t.device_type IS NOT NULL AND t.device_type <> ''))
			GROUP BY 1 ORDER BY cases DESC, 1 LIMIT 10`),
		() =>
			db.execute(
				sql`SELECT t.cause, count(*)::int AS cases FROM tickets t WHERE ${where} AND t.cause IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`
			),
		() =>
			db.execute(sql`SELECT t.rating, count(*)::int AS cases FROM tickets t WHERE ${where} AND t.rating IS NOT NULL GROUP BY 1 ORDER BY 1`),
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
			id: (r.id as string | null) ?? null,
			name: (r.name as string | null) ?? null,
			cases: num(r.cases),
			lessons: num(r.lessons),
			minutes: num(r.minutes),
			students: num(r.students)
		}));
	const ratingRows = rowsOf(ratings).map((r) => ({ rating: num(r.rating), cases: num(r.cases) }));
	const rated = ratingRows.reduce((s, r) => s + r.cases, 0);
	const causeRows = rowsOf(causes).map((r) => ({ cause: String(r.cause), cases: num(r.cases) }));
	const classified = causeRows.reduce((s, r) => s + r.cases, 0);
	const categories = named(rowsOf(byCategory));
	return {
		byChainLine: rowsOf(byChainLine).map((r) => ({ chain: String(r.chain), line: num(r.line), cases: num(r.cases) })),
		categories,
		topCategories: categories.slice(0, 10),
		units: named(rowsOf(byUnit)),
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
