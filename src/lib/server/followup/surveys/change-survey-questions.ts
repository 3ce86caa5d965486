import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveys, type SurveyQuestion } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict, invalid } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { lockSurvey } from './survey-scope';
import { isStanding } from './standing';
import { MAX_QUESTIONS, parseQuestion } from './question-input';

/** add: a new question last · remove: one question · move: one question a step up or down. */
export type QuestionChange =
	{ op: 'add'; values: Record<string, string> } | { op: 'remove'; key: string } | { op: 'move'; key: string; direction: 'up' | 'down' };

/** A key no question of the survey has: own1, own2, … (answers are stored by key, so keys are never reused). */
const freshKey = (questions: SurveyQuestion[]) => {
	let n = questions.length + 1;
	while (questions.some((q) => q.key === `own${n}`)) n++;
	return `own${n}`;
};

/**
 * Changes the questions of a draft survey (surveys.manage, decision 067): adds one of the organizer's own (choice,
 * scale or free text, in Swedish and English), removes one, or moves one up or down. Only before it opens: once sent,
 * the questions are what people answer, so CONFLICT. A bad question is INVALID beside its field, nothing written.
 * Audited survey.questions with the questions before and after.
 */
export async function changeSurveyQuestions(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; surveyId: string; change: QuestionChange }
): Promise<SurveyQuestion[]> {
	authorize(opts.actor, 'surveys.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const c = opts.change;
	const body = c.op === 'add' ? parseQuestion(c.values) : null;
	return db.transaction(async (tx) => {
		const survey = await lockSurvey(tx, opts.organizerId, opts.surveyId);
		if (survey.status !== 'draft' || isStanding(survey.kind)) throw conflict('form', 'surveyuses_error_not_draft');
		const before = survey.questions;
		let after: SurveyQuestion[];
		if (c.op === 'add') {
			if (before.length >= MAX_QUESTIONS) throw invalid('kind', 'surveyuses_error_too_many');
			after = [...before, { ...body!, key: freshKey(before) } as SurveyQuestion];
		} else {
			const at = before.findIndex((q) => q.key === c.key);
			if (at < 0) throw invalid('key', 'surveyuses_error_no_question');
			after = [...before];
			if (c.op === 'remove') after.splice(at, 1);
			else {
				const to = c.direction === 'up' ? at - 1 : at + 1;
				if (to < 0 || to >= after.length) return before;
				[after[at], after[to]] = [after[to], after[at]];
			}
		}
		await tx.update(surveys).set({ questions: after }).where(eq(surveys.id, survey.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'survey.questions',
			entityType: 'survey',
			entityId: survey.id,
			changes: { op: c.op, questions: [before.map((q) => q.key), after.map((q) => q.key)] }
		});
		return after;
	});
}
