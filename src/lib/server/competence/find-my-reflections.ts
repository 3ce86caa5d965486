import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceReflections } from '../db/schema';
import { authorize, type Actor } from '../policies';

export type MyReflection = {
	id: string;
	createdAt: Date;
	answers: Record<string, number>;
	levels: Record<string, number>;
	overall: number;
};

/**
 * The actor's own reflections, newest first (competence.reflect). The query filters on the actor's own person id:
 * there is no way to ask for someone else's.
 */
export async function findMyReflections(db: Db, o: { actor: Actor | null; organizerId: string; limit?: number }): Promise<MyReflection[]> {
	authorize(o.actor, 'competence.reflect', { type: 'organizer', organizerId: o.organizerId });
	return db
		.select({
			id: competenceReflections.id,
			createdAt: competenceReflections.createdAt,
			answers: competenceReflections.answers,
			levels: competenceReflections.levels,
			overall: competenceReflections.overall
		})
		.from(competenceReflections)
		.where(and(eq(competenceReflections.organizerId, o.organizerId), eq(competenceReflections.personId, o.actor.personId)))
		.orderBy(desc(competenceReflections.createdAt))
		.limit(o.limit ?? 20);
}
