import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportTeamOrganizers, supportTeams, ticketTeams } from '../../db/schema';

export type TeamOption = { id: string; name: string; supplierName: string | null };

const columns = { id: supportTeams.id, name: supportTeams.name, supplierName: supportTeams.supplierName };

/** Active teams of a chain at one line that serve the organizer, by name: where a case may be escalated. */
export async function findTeamsForLine(db: Db, opts: { organizerId: string; chain: string; line: 2 | 3 }): Promise<TeamOption[]> {
	return db
		.select(columns)
		.from(supportTeams)
		.innerJoin(supportTeamOrganizers, eq(supportTeamOrganizers.teamId, supportTeams.id))
		.where(
			and(
				eq(supportTeamOrganizers.organizerId, opts.organizerId),
				eq(supportTeams.chain, opts.chain),
				eq(supportTeams.line, opts.line),
				isNull(supportTeams.archivedAt)
			)
		)
		.orderBy(asc(supportTeams.nameSort));
}

/** One team by id if it is an active team of the chain at the line serving the organizer; else null. */
export async function getTeamForLine(
	db: Db,
	opts: { organizerId: string; chain: string; line: 2 | 3; teamId: string }
): Promise<TeamOption | null> {
	const teams = await findTeamsForLine(db, opts);
	return teams.find((t) => t.id === opts.teamId) ?? null;
}

/** A team's name by id (for the timeline), or null. */
export async function teamName(db: Db, teamId: string | null): Promise<string | null> {
	if (!teamId) return null;
	const [row] = await db.select({ name: supportTeams.name }).from(supportTeams).where(eq(supportTeams.id, teamId));
	return row?.name ?? null;
}

/** The line-2 team that most recently held the case (where a case sent back from line 3 returns). */
export async function lastLineTwoTeam(db: Db, ticketId: string): Promise<TeamOption | null> {
	const [row] = await db
		.select(columns)
		.from(ticketTeams)
		.innerJoin(supportTeams, eq(supportTeams.id, ticketTeams.teamId))
		.where(and(eq(ticketTeams.ticketId, ticketId), eq(supportTeams.line, 2)))
		.orderBy(desc(ticketTeams.createdAt))
		.limit(1);
	return row ?? null;
}
