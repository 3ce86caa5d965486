import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActionLinks, planningActionParticipants } from '../db/schema';
import { linkValue } from './framework-links';

/** An action's participant ids and framework links (as link values), sorted so they compare. */
export async function loadActionRefs(db: Db, actionId: string) {
	const [participants, links] = await Promise.all([
		db
			.select({ personId: planningActionParticipants.personId })
			.from(planningActionParticipants)
			.where(eq(planningActionParticipants.actionId, actionId)),
		db.select().from(planningActionLinks).where(eq(planningActionLinks.actionId, actionId))
	]);
	return { participantIds: participants.map((p) => p.personId).sort(), links: links.map(linkValue).sort() };
}
