import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { can } from '$lib/server/policies';
import { GUIDANCE_KINDS, type GuidanceKind } from '$lib/server/db/schema/guidance';
import { findSessions } from '$lib/server/knowledge/guidance/find-sessions';
import { findMyBookings } from '$lib/server/knowledge/guidance/find-my-bookings';
import { findVisibleCase } from '$lib/server/knowledge/guidance/find-visible-case';
import { presentListItem } from '$lib/server/knowledge/guidance/present-session';
import { GUIDANCE_CHAINS, type GuidanceChain } from '$lib/server/knowledge/guidance/session-input';
import type { PageServerLoad } from './$types';

const pick = <T extends string>(list: readonly T[], v: string | null): T | null =>
	(list as readonly (string | null)[]).includes(v) ? (v as T) : null;

/** Upcoming sessions (filtered), the person's bookings and what waits for feedback; `?arende=` carries a case along. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'guidance.book');
	const db = event.locals.db;
	const q = event.url.searchParams;
	const chain = pick<GuidanceChain>(GUIDANCE_CHAINS, q.get('kedja'));
	const kind = pick<GuidanceKind>(GUIDANCE_KINDS, q.get('typ'));
	const freeOnly = q.get('lediga') === 'on';
	const [sessions, mine, fromCase] = [
		await findSessions(db, { actor, organizerId: organizer.id, chain, kind, freeOnly }),
		await findMyBookings(db, { actor, organizerId: organizer.id }),
		await findVisibleCase(db, { actor, organizerId: organizer.id, number: q.get('arende') })
	];
	const dated = (b: (typeof mine.upcoming)[number]) => ({ ...b, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() });
	return {
		filter: { chain: chain ?? '', kind: kind ?? '', freeOnly },
		sessions: sessions.map(presentListItem),
		upcoming: mine.upcoming.map(dated),
		awaitingFeedback: mine.awaitingFeedback.map(dated),
		fromCase: fromCase ? { number: fromCase.number, title: fromCase.title } : null,
		canHost: can(actor, 'guidance.host', { type: 'knowledge', organizerId: organizer.id }),
		cancelled: q.has('installd'),
		unbooked: q.has('avbokad')
	};
};
