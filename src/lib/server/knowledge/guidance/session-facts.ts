import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { readTogether } from '../../db/read-together';
import { organizers, units } from '../../db/schema';
import type { Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import type { MailSession } from './guidance-mail';
import type { SessionRow } from './queries';

/** Where a session is held, in words: the unit, the place, the meeting link — whichever it names. */
export const whereText = (s: Pick<SessionRow, 'place' | 'meetingUrl'>, unitName: string | null) =>
	[unitName, s.place, s.meetingUrl].filter(Boolean).join(', ');

/**
 * What mail and the calendar say about a session: the host's name as `actor` may see it (null: as mail to others,
 * a pseudonym for a protected identity), the unit's name, where, and the organizer's slug for links.
 */
export async function loadSessionFacts(db: Db, session: SessionRow, actor: Actor | null) {
	const [[org], [unit], names] = await readTogether(db, [
		() => db.select({ slug: organizers.slug }).from(organizers).where(eq(organizers.id, session.organizerId)),
		() =>
			session.unitId
				? db
						.select({ name: units.name })
						.from(units)
						.where(and(eq(units.id, session.unitId), eq(units.organizerId, session.organizerId)))
				: [],
		() => shownNamesById(db, { actor, organizerId: session.organizerId, personIds: [session.hostId], via: 'guidance' })
	]);
	const unitName = unit?.name ?? null;
	const mail: MailSession = {
		id: session.id,
		title: session.title,
		startsAt: session.startsAt,
		endsAt: session.endsAt,
		where: whereText(session, unitName),
		hostName: names.get(session.hostId) ?? ''
	};
	return { slug: org.slug, unitName, mail };
}
