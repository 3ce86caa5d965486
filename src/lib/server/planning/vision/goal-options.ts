import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningGoals } from '../../db/schema';

/** The organizer's strategic goals as choices for the action form, in order. */
export async function listGoalOptions(db: Db, organizerId: string) {
	return db
		.select({ value: planningGoals.id, label: planningGoals.title })
		.from(planningGoals)
		.where(eq(planningGoals.organizerId, organizerId))
		.orderBy(asc(planningGoals.position), asc(planningGoals.createdAt));
}

/** The title of each of these goals, by id (for action pages and unit plans). */
export async function goalTitlesById(db: Db, organizerId: string, ids: (string | null)[]) {
	const wanted = [...new Set(ids.filter((i): i is string => !!i))];
	if (!wanted.length) return new Map<string, string>();
	const rows = await db
		.select({ id: planningGoals.id, title: planningGoals.title })
		.from(planningGoals)
		.where(and(eq(planningGoals.organizerId, organizerId), inArray(planningGoals.id, wanted)));
	return new Map(rows.map((r) => [r.id, r.title]));
}
