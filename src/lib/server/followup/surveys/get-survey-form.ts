import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveyInvitations, surveys } from '../../db/schema';
import { AppError } from '../../errors';
import { hashToken } from '../../auth/tokens';
import { organizerThreshold } from '../../assessment/rounds/round-checks';

const MAX_TOKEN = 200;

/** The invitation and survey a one-use token opens, locked when `lock`; NOT_FOUND for an unknown token. */
export async function findInvitation(db: Db, token: string, lock = false) {
	if (!token || token.length > MAX_TOKEN) throw new AppError('NOT_FOUND', 'survey invitation');
	const q = db
		.select({ invitation: surveyInvitations, survey: surveys })
		.from(surveyInvitations)
		.innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
		.where(eq(surveyInvitations.tokenHash, hashToken(token)));
	const [row] = lock ? await q.for('update', { of: surveyInvitations }) : await q;
	if (!row) throw new AppError('NOT_FOUND', 'survey invitation');
	return row;
}

/**
 * What the respondent page shows for a token: the survey's questions in both languages and whether it can still be
 * answered (open), has been (answered) or has closed. Nothing about the person or the case.
 */
export async function getSurveyForm(db: Db, token: string) {
	const { invitation, survey } = await findInvitation(db, token);
	const state = invitation.answeredAt ? 'answered' : survey.status === 'open' ? 'open' : 'closed';
	return {
		state: state as 'open' | 'answered' | 'closed',
		threshold: await organizerThreshold(db, survey.organizerId),
		survey: {
			titleSv: survey.titleSv,
			titleEn: survey.titleEn,
			anonymous: survey.anonymous,
			kind: survey.kind,
			questions: survey.questions
		}
	};
}
