import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { qaQuestions } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';

/** A question of the organizer by id; NOT_FOUND for a malformed id, a missing question or another organizer's. */
export async function loadQuestion(db: Db, organizerId: string, questionId: string): Promise<typeof qaQuestions.$inferSelect> {
	const [row] = isUuid(questionId)
		? await db
				.select()
				.from(qaQuestions)
				.where(and(eq(qaQuestions.id, questionId), eq(qaQuestions.organizerId, organizerId)))
		: [];
	if (!row) throw new AppError('NOT_FOUND', 'question not found');
	return row;
}
