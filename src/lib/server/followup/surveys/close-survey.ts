import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { isStanding } from './standing';
import { lockSurvey } from './survey-scope';

/**
 * Closes an open survey (surveys.manage): it takes no more answers, and its results are published (once: nothing
 * changes after the close, so no two published states can be compared). The standing pulse is never closed.
 * Audited survey.close.
 */
export async function closeSurvey(db: Db, opts: { actor: Actor | null; organizerId: string; surveyId: string; now?: Date }) {
	authorize(opts.actor, 'surveys.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	return db.transaction(async (tx) => {
		const survey = await lockSurvey(tx, opts.organizerId, opts.surveyId);
		if (survey.status !== 'open' || isStanding(survey.kind)) throw conflict('form', 'survey_error_not_open');
		await tx
			.update(surveys)
			.set({ status: 'closed', closedAt: opts.now ?? new Date() })
			.where(eq(surveys.id, survey.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'survey.close',
			entityType: 'survey',
			entityId: survey.id,
			changes: { status: ['open', 'closed'] }
		});
	});
}
