import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { qaQuestions } from '../../db/schema';
import type { Chain } from '../../support/constants';
import { centralSupportIds, eligibleDutyPeople, rosteredIds } from './duty-people';
import { notifyPeople } from './notify-people';
import { thisMonday } from './week';

/**
 * Tells the people on duty for the question's chain this week of a new question (qa_duty), in the app and by mail
 * as they chose; someone on the roster who no longer holds a key-person or central role of the chain is passed
 * over. With nobody on duty (or only the asker), the organizer's central support of the chain is told instead. The asker is never
 * told of their own question. Marks the question `dutyNotifiedAt` when anyone was told. Returns who was told.
 */
export async function notifyDuty(tx: Db, question: typeof qaQuestions.$inferSelect, now = new Date()): Promise<string[]> {
	const chain = question.chain as Chain;
	const eligible = new Set((await eligibleDutyPeople(tx, question.organizerId, chain, now)).map((p) => p.id));
	const onDuty = (await rosteredIds(tx, question.organizerId, chain, thisMonday(now))).filter((id) => eligible.has(id));
	const others = (ids: string[]) => ids.filter((id) => id !== question.askedBy);
	let recipients = others(onDuty);
	if (recipients.length === 0) recipients = others(await centralSupportIds(tx, question.organizerId, chain, now));
	const told = await notifyPeople(tx, {
		kind: 'qa_duty',
		notice: { organizerId: question.organizerId, questionId: question.id, title: question.title },
		personIds: recipients,
		now
	});
	if (told.length) await tx.update(qaQuestions).set({ dutyNotifiedAt: now }).where(eq(qaQuestions.id, question.id));
	return told;
}
