import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { authorize, type Actor } from '../../policies';
import { visibleTicketsWhere } from '../../policies/support-visibility';
import type { PreventiveResponseKind } from '../../db/schema';

/** How far back the workbench looks, in months (this month included). */
export const WORKBENCH_MONTHS = 6;

export type PreventiveResponse = {
	kind: PreventiveResponseKind;
	note: string;
	articleSlug: string | null;
	articleTitle: string | null;
	at: Date;
};

/** A solved case its handler flagged "bör bli självhjälp". */
export type FlaggedCase = {
	number: number;
	title: string;
	chain: string;
	categoryName: string | null;
	unitName: string;
	solvedAt: Date | null;
	responses: PreventiveResponse[];
};

/** User errors (handhavandefel) of one category in one month. */
export type UserErrorCluster = {
	categoryId: string | null;
	categoryName: string | null;
	/** 'YYYY-MM' */
	month: string;
	cases: number;
	units: number;
	/** The units with the most of them, most first (at most three). */
	topUnits: string[];
	responses: PreventiveResponse[];
};

type ResponseRow = {
	ticket_id: string | null;
	category_id: string | null;
	month: string | null;
	kind: PreventiveResponseKind;
	note: string;
	slug: string | null;
	title: string | null;
	created_at: Date | string;
};

const toResponse = (r: ResponseRow): PreventiveResponse => ({
	kind: r.kind,
	note: r.note,
	articleSlug: r.slug,
	articleTitle: r.title,
	at: new Date(r.created_at)
});

/**
 * The preventive line's workbench (issue 15, item 7): solved cases flagged as self-help material, and user errors
 * grouped by category and month, each with what has been done about it. Only cases the actor may see count, so a
 * key person sees their own units and central support the whole organizer. Flagged cases nobody has answered come
 * first.
 */
export async function findPreventiveWork(
	db: Db,
	opts: { actor: Actor; organizerId: string; now?: Date }
): Promise<{ flagged: FlaggedCase[]; clusters: UserErrorCluster[] }> {
	authorize(opts.actor, 'kb.write', { type: 'knowledge', organizerId: opts.organizerId });
	const visible = visibleTicketsWhere(opts.actor, opts.organizerId);
	const now = opts.now ?? new Date();
	const since = sql`date_trunc('month', (${now.toISOString()}::timestamptz AT TIME ZONE 'Europe/Stockholm')) - make_interval(months => ${WORKBENCH_MONTHS - 1})`;
	const solvedMonth = sql`date_trunc('month', coalesce(tickets.solved_at, tickets.created_at) AT TIME ZONE 'Europe/Stockholm')`;

	const flagged = rowsOf<{
		id: string;
		number: number;
		title: string;
		chain: string;
		category_name: string | null;
		unit_name: string;
		solved_at: Date | string | null;
	}>(
		await db.execute(sql`
		SELECT tickets.id, tickets.number, tickets.title, tickets.chain, c.name AS category_name, u.name AS unit_name, tickets.solved_at
		FROM tickets
		JOIN units u ON u.id = tickets.unit_id
		LEFT JOIN support_categories c ON c.id = tickets.category_id
		WHERE tickets.organizer_id = ${opts.organizerId} AND tickets.self_help_suggested AND tickets.merged_into_id IS NULL
			AND tickets.state IN ('solved', 'closed') AND ${solvedMonth} >= ${since} AND ${visible}
		ORDER BY EXISTS (SELECT 1 FROM preventive_responses p WHERE p.ticket_id = tickets.id), tickets.solved_at DESC NULLS LAST
		LIMIT 100`)
	);

	const clusters = rowsOf<{
		category_id: string | null;
		category_name: string | null;
		month: string;
		cases: number;
		units: number;
		top_units: string[] | string;
	}>(
		await db.execute(sql`
		WITH errors AS (
			SELECT tickets.category_id, to_char(${solvedMonth}, 'YYYY-MM') AS month, u.name AS unit_name, tickets.unit_id
			FROM tickets JOIN units u ON u.id = tickets.unit_id
			WHERE tickets.organizer_id = ${opts.organizerId} AND tickets.cause = 'user_error' AND tickets.merged_into_id IS NULL
				AND ${solvedMonth} >= ${since} AND ${visible}
		), per_unit AS (
			SELECT category_id, month, unit_name, count(*) AS n FROM errors GROUP BY category_id, month, unit_name
		)
		SELECT e.category_id, c.name AS category_name, e.month, count(*)::int AS cases, count(DISTINCT e.unit_id)::int AS units,
			(SELECT array_agg(unit_name ORDER BY n DESC, unit_name) FROM (
				SELECT unit_name, n FROM per_unit p
				WHERE p.month = e.month AND p.category_id IS NOT DISTINCT FROM e.category_id
				ORDER BY n DESC, unit_name LIMIT 3) top) AS top_units
		FROM errors e LEFT JOIN support_categories c ON c.id = e.category_id
		GROUP BY e.category_id, c.name, e.month
		ORDER BY e.month DESC, count(*) DESC, c.name`)
	);

	const responses = rowsOf<ResponseRow>(
		await db.execute(sql`
			SELECT p.ticket_id, p.category_id, to_char(p.month, 'YYYY-MM') AS month, p.kind, p.note, a.slug, a.title, p.created_at
			FROM preventive_responses p LEFT JOIN kb_articles a ON a.id = p.article_id
			WHERE p.organizer_id = ${opts.organizerId}
			ORDER BY p.created_at, p.id`)
	);
	const forTicket = (id: string) => responses.filter((r) => r.ticket_id === id).map(toResponse);
	const forCluster = (categoryId: string | null, month: string) =>
		responses.filter((r) => r.ticket_id === null && r.month === month && r.category_id === categoryId).map(toResponse);

	return {
		flagged: flagged.map((r) => ({
			number: Number(r.number),
			title: r.title,
			chain: r.chain,
			categoryName: r.category_name,
			unitName: r.unit_name,
			solvedAt: r.solved_at ? new Date(r.solved_at) : null,
			responses: forTicket(r.id)
		})),
		clusters: clusters.map((r) => ({
			categoryId: r.category_id,
			categoryName: r.category_name,
			month: r.month,
			cases: Number(r.cases),
			units: Number(r.units),
			topUnits: pgArray(r.top_units),
			responses: forCluster(r.category_id, r.month)
		}))
	};
}

/** A text[] as node-postgres (an array) or PGlite (an array, or '{a,b}' text in older versions) hands it over. */
function pgArray(v: string[] | string | null): string[] {
	if (!v) return [];
	if (Array.isArray(v)) return v;
	return v
		.replace(/^\{|\}$/g, '')
		.split(',')
		.filter(Boolean)
		.map((s) => s.replace(/^"|"$/g, ''));
}
