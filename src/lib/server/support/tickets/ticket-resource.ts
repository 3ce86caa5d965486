import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportTeams, tickets, ticketTeams } from '../../db/schema';
import { loadAncestorIds } from '../../org/load-ancestor-ids';
import type { TicketResource } from '../../policies';
import type { Line } from '../../policies/support';
import type { Chain } from '../constants';
import { readTogether } from '../../db/read-together';

export type TicketRow = typeof tickets.$inferSelect;

/** What the policies need to decide about one case: its unit's ancestors and the teams that have held it. */
export async function ticketResource(db: Db, t: TicketRow): Promise<TicketResource> {
	const [ancestorIds, held] = await readTogether(db, [
		() => loadAncestorIds(db, t.organizerId, t.unitId),
		() =>
			db
				.select({ teamId: ticketTeams.teamId, line: supportTeams.line })
				.from(ticketTeams)
				.innerJoin(supportTeams, eq(supportTeams.id, ticketTeams.teamId))
				.where(eq(ticketTeams.ticketId, t.id))
	]);
	return {
		type: 'ticket',
		organizerId: t.organizerId,
		unitId: t.unitId,
		ancestorIds,
		chain: t.chain as Chain,
		line: t.line as Line,
		requesterId: t.requesterId,
		filedById: t.filedById,
		teamId: t.teamId,
		teamIds: held.map((h) => h.teamId),
		supplierTeamIds: held.filter((h) => h.line === 3).map((h) => h.teamId),
		solvedById: t.solvedById,
		state: t.state
	};
}
