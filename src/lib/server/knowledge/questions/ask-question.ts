import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { qaQuestions, units } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid, parseOrThrow } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { indexQuestion } from './index-question';
import { notifyDuty } from './notify-duty';
import { questionSchema, type QuestionInput } from './question-input';

/**
 * Asks a colleague question (qa.take_part: staff, not students, guardians, suppliers or readers). An empty title or
 * no chain is refused beside the field. The question is indexed for search, audited, and the people on duty for
 * its chain this week are told at once (notifyDuty), all in one transaction.
 */
export async function askQuestion(
	db: Db,
	opts: { actor: Actor; organizerId: string; input: QuestionInput & { unitId?: string }; now?: Date }
): Promise<typeof qaQuestions.$inferSelect> {
	authorize(opts.actor, 'qa.take_part', { type: 'knowledge', organizerId: opts.organizerId });
	const input = parseOrThrow(questionSchema, opts.input);
	const unitId = opts.input.unitId?.trim() || null;
	if (unitId) {
		const found =
			isUuid(unitId) &&
			(
				await db
					.select({ id: units.id })
					.from(units)
					.where(and(eq(units.id, unitId), eq(units.organizerId, opts.organizerId)))
			).length > 0;
		if (!found) throw invalid('unitId', 'qa_error_unit');
	}
	const now = opts.now ?? new Date();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(qaQuestions)
			.values({
				organizerId: opts.organizerId,
				chain: input.chain,
				title: input.title,
				body: input.body,
				askedBy: opts.actor.personId,
				unitId
			})
			.returning();
		await indexQuestion(tx, row);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'qa_question.ask',
			entityType: 'qa_question',
			entityId: row.id,
			changes: { chain: [null, row.chain], title: [null, row.title], unitId: [null, unitId] }
		});
		const told = await notifyDuty(tx, row, now);
		return { ...row, dutyNotifiedAt: told.length ? now : null };
	});
}
