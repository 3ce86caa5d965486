import { and, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, surveyInvitations, surveys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { newToken, hashToken } from '../../auth/tokens';
import { sendMail } from '../../mail/send-mail';
import { STANDING_KINDS } from './standing';
import { surveyInvitationMail } from './survey-mail';

/** A non-respondent is reminded this many days after the invitation or the last reminder. */
export const REMIND_AFTER_DAYS = 7;

/**
 * Reminds those who have not answered an open survey round (the daily survey-reminders job; tests pass `now`):
 * REMIND_AFTER_DAYS after the invitation or the last reminder, at most the survey's maxReminders times. The link is
 * stored only as a hash, so a reminder carries a new one-use link and the old one stops working. Pulses are never
 * reminded. Audited survey.remind (per invitation). Returns how many were sent.
 */
export async function sendSurveyReminders(db: Db, now: Date, opts: { organizerId?: string } = {}) {
	const before = new Date(now.getTime() - REMIND_AFTER_DAYS * 86_400_000);
	const due = await db
		.select({
			id: surveyInvitations.id,
			organizerId: surveyInvitations.organizerId,
			surveyId: surveys.id,
			titleSv: surveys.titleSv,
			titleEn: surveys.titleEn,
			anonymous: surveys.anonymous,
			name: people.name,
			email: people.email,
			remindersSent: surveyInvitations.remindersSent
		})
		.from(surveyInvitations)
		.innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
		.innerJoin(people, eq(people.id, surveyInvitations.personId))
		.where(
			and(
				eq(surveys.status, 'open'),
				notInArray(surveys.kind, [...STANDING_KINDS]),
				isNull(surveyInvitations.answeredAt),
				lt(surveyInvitations.remindersSent, surveys.maxReminders),
				or(
					and(isNull(surveyInvitations.lastRemindedAt), lt(surveyInvitations.sentAt, before)),
					lt(surveyInvitations.lastRemindedAt, before)
				),
				eq(people.status, 'active'),
				opts.organizerId ? eq(surveyInvitations.organizerId, opts.organizerId) : undefined
			)
		);
	let sent = 0;
	for (const d of due) {
		const token = newToken();
		const wrote = await db.transaction(async (tx) => {
			const [row] = await tx
				.update(surveyInvitations)
				.set({ tokenHash: hashToken(token), remindersSent: sql`${surveyInvitations.remindersSent} + 1`, lastRemindedAt: now })
				.where(
					and(eq(surveyInvitations.id, d.id), eq(surveyInvitations.remindersSent, d.remindersSent), isNull(surveyInvitations.answeredAt))
				)
				.returning({ id: surveyInvitations.id });
			if (!row) return false;
			const mail = surveyInvitationMail({ ...d, token, reminder: true });
			await sendMail(tx, { organizerId: d.organizerId, to: d.email, ...mail, sensitive: true });
			await recordAudit(tx, {
				organizerId: d.organizerId,
				actorId: null,
				action: 'survey.remind',
				entityType: 'survey_invitation',
				entityId: d.id,
				changes: { surveyId: d.surveyId, reminder: d.remindersSent + 1 }
			});
			return true;
		});
		if (wrote) sent++;
	}
	return { sent };
}
