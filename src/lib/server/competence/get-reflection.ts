import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceReflections } from '../db/schema';
import { AppError } from '../errors';
import { can, type Actor } from '../policies';
import { isUuid } from '../ids';
import type { MyReflection } from './find-my-reflections';

/**
 * One reflection by id, for its own person only (competence.reflection): anyone else, whatever their role, gets
 * NOT_FOUND, so not even its existence shows.
 */
export async function getReflection(db: Db, o: { actor: Actor | null; organizerId: string; reflectionId: string }): Promise<MyReflection> {
	const [row] = isUuid(o.reflectionId)
		? await db
				.select()
				.from(competenceReflections)
				.where(and(eq(competenceReflections.id, o.reflectionId), eq(competenceReflections.organizerId, o.organizerId)))
		: [];
	const resource = { type: 'competence' as const, organizerId: o.organizerId, unitId: null, ancestorIds: [], ownerId: row?.personId };
	if (!row || !can(o.actor, 'competence.reflection', resource)) throw new AppError('NOT_FOUND', 'no such reflection');
	return { id: row.id, createdAt: row.createdAt, answers: row.answers, levels: row.levels, overall: row.overall };
}
