import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveys } from '../../db/schema';
import { PULSE_QUESTIONS } from './templates';

/** The organizer's standing pulse survey (anonymous, always open), created the first time a pulse is sent. */
export async function ensurePulseSurvey(tx: Db, organizerId: string) {
	const find = () =>
		tx
			.select()
			.from(surveys)
			.where(and(eq(surveys.organizerId, organizerId), eq(surveys.kind, 'pulse')));
	const [found] = await find();
	if (found) return found;
	await tx
		.insert(surveys)
		.values({
			organizerId,
			kind: 'pulse',
			titleSv: 'Hur gick det med ditt ärende?',
			titleEn: 'How did your case go?',
			anonymous: true,
			questions: PULSE_QUESTIONS,
			status: 'open',
			openedAt: new Date()
		})
		.onConflictDoNothing();
	const [row] = await find();
	return row;
}
