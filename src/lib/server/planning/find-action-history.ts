import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { people, planningActionEvents } from '../db/schema';

/**
 * An action's history, oldest first: its creation and each status change or follow-up note, with who made it
 * (the real name: callers show it through `shownNamesById`, so a protected identity stays a pseudonym).
 */
export async function findActionHistory(db: Db, actionId: string) {
	return db
		.select({
			id: planningActionEvents.id,
			fromStatus: planningActionEvents.fromStatus,
			toStatus: planningActionEvents.toStatus,
			note: planningActionEvents.note,
			createdAt: planningActionEvents.createdAt,
			actorId: planningActionEvents.actorId,
			actorName: people.name
		})
		.from(planningActionEvents)
		.leftJoin(people, eq(people.id, planningActionEvents.actorId))
		.where(eq(planningActionEvents.actionId, actionId))
		.orderBy(asc(planningActionEvents.createdAt), asc(planningActionEvents.id));
}
