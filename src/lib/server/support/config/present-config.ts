/** What the support settings pages get to see of teams and categories. */

type TeamLike = { id: string; name: string; chain: string; line: number; supplierName: string | null; archivedAt: Date | null };
type CategoryLike = { id: string; name: string; chain: string; deviceRelated: boolean; archivedAt: Date | null };

/** A team for lists and its own page. */
export const presentTeamRow = (t: TeamLike) => ({
	id: t.id,
	name: t.name,
	chain: t.chain,
	line: t.line,
	supplierName: t.supplierName,
	archived: t.archivedAt !== null
});

/** A category for lists and its own page. */
export const presentCategoryRow = (c: CategoryLike) => ({
	id: c.id,
	name: c.name,
	chain: c.chain,
	deviceRelated: c.deviceRelated,
	archived: c.archivedAt !== null
});
