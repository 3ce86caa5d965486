import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActionLinks, planningActionParticipants } from '../db/schema';
import type { ActionLink } from './framework-links';

/** Replaces an action's participants and framework links (inside the caller's transaction). */
export async function writeActionRefs(
	tx: Db,
	opts: { organizerId: string; actionId: string; participantIds: string[]; links: ActionLink[] }
) {
	const { organizerId, actionId } = opts;
	await tx.delete(planningActionParticipants).where(eq(planningActionParticipants.actionId, actionId));
	await tx.delete(planningActionLinks).where(eq(planningActionLinks.actionId, actionId));
	if (opts.participantIds.length)
		await tx.insert(planningActionParticipants).values(opts.participantIds.map((personId) => ({ actionId, personId, organizerId })));
	if (opts.links.length) await tx.insert(planningActionLinks).values(opts.links.map((l) => ({ ...l, actionId, organizerId })));
}
