import type { Db } from '../../db';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { sessionLink } from './guidance-mail';
import { findOwnBooking, loadSession, runsSession } from './queries';
import { buildSessionCalendar } from './session-calendar';
import { loadSessionFacts } from './session-facts';

/**
 * The iCal file of a session for the person who booked it (a live booking) or its host (and an organization
 * administrator, who runs it too); NOT_FOUND for anyone else, so the file does not say whether the session exists.
 */
export async function getSessionCalendar(db: Db, opts: { actor: Actor; organizerId: string; sessionId: string; now?: Date }) {
	const session = await loadSession(db, opts);
	if (!runsSession(opts.actor, session) && !(await findOwnBooking(db, session.id, opts.actor.personId)))
		throw new AppError('NOT_FOUND', 'guidance session');
	const facts = await loadSessionFacts(db, session, opts.actor);
	return buildSessionCalendar(
		{
			id: session.id,
			title: session.title,
			description: session.description,
			startsAt: session.startsAt,
			endsAt: session.endsAt,
			location: facts.mail.where || null,
			url: sessionLink(facts.slug, session.id),
			hostName: facts.mail.hostName,
			cancelled: !!session.cancelledAt
		},
		opts.now
	);
}
