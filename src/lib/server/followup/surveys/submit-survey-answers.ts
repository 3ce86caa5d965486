import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveyAnswers, surveyInvitations, surveyResponses } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, conflict } from '../../errors';
import { parseSurveyAnswers } from './answer-input';
import { findInvitation } from './get-survey-form';
import { isStanding } from './standing';
import { monthOf } from './working-days';

/**
 * Saves a respondent's answers through their one-use link. The invitation row is locked, so the link is used exactly
 * once. The response carries the invitation's unit and period and, for a signed survey only, the person; it keeps no
 * time and no link to the invitation or case (decision 059). Bad answers: INVALID with one issue per field. Audited
 * survey.answer on the invitation (who answered, never what).
 */
export async function submitSurveyAnswers(db: Db, opts: { token: string; values: Record<string, string>; now?: Date }) {
	return db.transaction(async (tx) => {
		const { invitation, survey } = await findInvitation(tx, opts.token, true);
		if (invitation.answeredAt) throw conflict('form', 'survey_error_answered');
		if (survey.status !== 'open') throw conflict('form', 'survey_error_closed');
		const { answers, issues } = parseSurveyAnswers(survey.questions, opts.values);
		if (issues.length) throw new AppError('INVALID', 'survey answers', issues);
		const [response] = await tx
			.insert(surveyResponses)
			.values({
				organizerId: survey.organizerId,
				surveyId: survey.id,
				unitId: invitation.unitId,
				// A pulse (and guidance feedback) counts in the month it is answered, so a month already published never changes afterwards.
				period: isStanding(survey.kind) ? monthOf(opts.now ?? new Date()) : '',
				personId: survey.anonymous ? null : invitation.personId
			})
			.returning({ id: surveyResponses.id });
		if (answers.length) await tx.insert(surveyAnswers).values(answers.map((a) => ({ ...a, responseId: response.id })));
		await tx
			.update(surveyInvitations)
			.set({ answeredAt: opts.now ?? new Date() })
			.where(eq(surveyInvitations.id, invitation.id));
		await recordAudit(tx, {
			organizerId: survey.organizerId,
			actorId: invitation.personId,
			action: 'survey.answer',
			entityType: 'survey_invitation',
			entityId: invitation.id,
			changes: { surveyId: survey.id }
		});
	});
}
