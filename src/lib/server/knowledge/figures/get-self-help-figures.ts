import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { authorize, type Actor } from '../../policies';

/** How many articles the follow-up lists as those that solved most. */
export const TOP_ARTICLES = 5;

export type SelfHelpFigures = {
	/** Filings ended by "Det här löste det": cases that never had to be sent. */
	deflections: number;
	/** Of those, ended by an earlier solved case rather than an article. */
	byEarlierCases: number;
	/** "Hjälpte detta?" answers given in the period. */
	helpfulVotes: number;
	notHelpfulVotes: number;
	/** The articles that ended most filings, most first. */
	topArticles: { slug: string; title: string; deflections: number }[];
};

/**
 * Self-help figures for the organizer's support follow-up (issue 15, item 7), for a period (Stockholm dates, `to`
 * not included) and optionally a chain
 * (a deflection belongs to a chain through its article or its category). Organizer-wide: a deflection is not tied to
 * a unit. For those who read the organizer's follow-up.
 */
export async function getSelfHelpFigures(
	db: Db,
	opts: { actor: Actor; organizerId: string; from: string; to: string; chain: 'technical' | 'pedagogical' | null }
): Promise<SelfHelpFigures> {
	authorize(opts.actor, 'support.followup', { type: 'support', organizerId: opts.organizerId, unitId: null, ancestorIds: [] });
	// An article for both chains without a category counts for neither chain on its own.
	const chain = opts.chain ? sql`AND coalesce(a.chain, c.chain) = ${opts.chain}` : sql``;
	const within = (column: SQL) =>
		sql`${column} >= (${opts.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm' AND ${column} < (${opts.to}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'`;
	const period = within(sql`d.created_at`);
	const [totals] = rowsOf<{ deflections: number; by_cases: number }>(
		await db.execute(sql`
			SELECT count(*)::int AS deflections, count(*) FILTER (WHERE d.ticket_id IS NOT NULL)::int AS by_cases
			FROM kb_deflections d
			LEFT JOIN kb_articles a ON a.id = d.article_id
			LEFT JOIN support_categories c ON c.id = d.category_id
			WHERE d.organizer_id = ${opts.organizerId} AND ${period} ${chain}`)
	);
	const top = rowsOf<{ slug: string; title: string; n: number }>(
		await db.execute(sql`
			SELECT a.slug, a.title, count(*)::int AS n
			FROM kb_deflections d
			JOIN kb_articles a ON a.id = d.article_id AND a.organizer_id = ${opts.organizerId}
			LEFT JOIN support_categories c ON c.id = d.category_id
			WHERE d.organizer_id = ${opts.organizerId} AND ${period} ${chain}
			GROUP BY a.slug, a.title
			ORDER BY count(*) DESC, a.title
			LIMIT ${TOP_ARTICLES}`)
	);
	const votePeriod = within(sql`v.created_at`);
	const [votes] = rowsOf<{ yes: number; no: number }>(
		await db.execute(sql`
			SELECT count(*) FILTER (WHERE v.helpful)::int AS yes, count(*) FILTER (WHERE NOT v.helpful)::int AS no
			FROM kb_article_votes v JOIN kb_articles a ON a.id = v.article_id
			WHERE a.organizer_id = ${opts.organizerId} AND ${votePeriod}
				${opts.chain ? sql`AND a.chain = ${opts.chain}` : sql``}`)
	);
	return {
		deflections: Number(totals?.deflections ?? 0),
		byEarlierCases: Number(totals?.by_cases ?? 0),
		helpfulVotes: Number(votes?.yes ?? 0),
		notHelpfulVotes: Number(votes?.no ?? 0),
		topArticles: top.map((r) => ({ slug: r.slug, title: r.title, deflections: Number(r.n) }))
	};
}
