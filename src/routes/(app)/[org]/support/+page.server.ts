import { requireOrganizer } from '$lib/server/http/require-organizer';
import { can } from '$lib/server/policies';
import { decodeCursor, encodeCursor, findMyTickets } from '$lib/server/support/tickets/find-my-tickets';
import { findFollowupUnits } from '$lib/server/support/followup/find-followup-units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const after = decodeCursor(event.url.searchParams.get('efter'));
	const { tickets, next } = await findMyTickets(event.locals.db, { actor, organizerId: organizer.id, after });
	return {
		tickets: tickets.map((t) => ({
			number: t.number,
			title: t.title,
			chain: t.chain,
			state: t.state,
			createdAt: t.createdAt.toISOString(),
			updatedAt: t.updatedAt.toISOString(),
			forSomeoneElse: t.forSomeoneElse
		})),
		nextCursor: next ? encodeCursor(next) : null,
		isLaterPage: after !== null,
		canQueue: can(actor, 'support.queue', { type: 'support', organizerId: organizer.id, unitId: null, ancestorIds: [] }),
		canFollowup: can(actor, 'support.followup', { type: 'support', organizerId: organizer.id, unitId: null, ancestorIds: [] }),
		followupUnits: await findFollowupUnits(event.locals.db, actor, organizer.id)
	};
};
