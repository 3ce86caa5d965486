import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, roleAssignments, surveyInvitations, surveys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { todayInStockholm } from '../../auth/load-actor';
import { newToken, hashToken } from '../../auth/tokens';
import { conflict } from '../../errors';
import { sendMail } from '../../mail/send-mail';
import { authorize, type Actor } from '../../policies';
import { lockSurvey } from './survey-scope';
import { isStanding } from './standing';
import { surveyInvitationMail } from './survey-mail';

/** The roles whose holders at a unit are its staff for the support-quality survey. */
export const STAFF_ROLES = ['staff', 'principal', 'pedagogical_key_person', 'technical_key_person'];

/**
 * Sends a draft survey (surveys.manage): invites every active person holding a staff role (a student survey: the
 * student role) at one of its units (once,
 * at the first unit found), each with a one-use link by mail through the outbox, and opens it. Audited survey.send.
 */
export async function sendSurvey(db: Db, opts: { actor: Actor | null; organizerId: string; surveyId: string; now?: Date }) {
	authorize(opts.actor, 'surveys.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const now = opts.now ?? new Date();
	const today = todayInStockholm(now);
	return db.transaction(async (tx) => {
		const survey = await lockSurvey(tx, opts.organizerId, opts.surveyId);
		if (survey.status !== 'draft' || isStanding(survey.kind)) throw conflict('form', 'survey_error_not_draft');
		if (survey.questions.length === 0) throw conflict('form', 'surveyuses_error_no_questions');
		const holders = survey.unitIds.length
			? await tx
					.selectDistinct({ personId: people.id, name: people.name, email: people.email, unitId: roleAssignments.unitId })
					.from(roleAssignments)
					.innerJoin(people, eq(people.id, roleAssignments.personId))
					.where(
						and(
							eq(roleAssignments.organizerId, opts.organizerId),
							inArray(roleAssignments.unitId, survey.unitIds),
							// The student survey asks the units' students; every other round their staff.
							inArray(roleAssignments.role, survey.kind === 'student_progression' ? ['student'] : STAFF_ROLES),
							or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, today)),
							or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
							eq(people.status, 'active')
						)
					)
					.orderBy(people.id, roleAssignments.unitId)
			: [];
		const seen = new Set<string>();
		let invited = 0;
		for (const h of holders) {
			if (seen.has(h.personId) || !h.unitId) continue;
			seen.add(h.personId);
			const token = newToken();
			await tx.insert(surveyInvitations).values({
				organizerId: opts.organizerId,
				surveyId: survey.id,
				personId: h.personId,
				unitId: h.unitId,
				tokenHash: hashToken(token),
				sentAt: now
			});
			const mail = surveyInvitationMail({
				name: h.name,
				titleSv: survey.titleSv,
				titleEn: survey.titleEn,
				anonymous: survey.anonymous,
				token
			});
			await sendMail(tx, { organizerId: opts.organizerId, to: h.email, ...mail, sensitive: true });
			invited++;
		}
		await tx.update(surveys).set({ status: 'open', openedAt: now }).where(eq(surveys.id, survey.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'survey.send',
			entityType: 'survey',
			entityId: survey.id,
			changes: { status: ['draft', 'open'], invited }
		});
		return { invited };
	});
}
