import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { notificationPreferences, notifications, organizers, people, supportTeamMembers, supportTeams } from '../../db/schema';
import { actorColumns, actorFromRow, todayInStockholm } from '../../auth/load-actor';
import { env } from '../../env';
import { sendMail } from '../../mail/send-mail';
import { profileOf } from '../../notifications/find-recipients';
import { emailChoice, type NotificationKind } from '../../notifications/kinds';
import { buildNotificationMail, notificationPath, type NotificationParams } from '../../notifications/notification-text';
import { can } from '../../policies';

/** What a colleague question's notification is about: the question, its title and organizer. */
export type QuestionNotice = { organizerId: string; questionId: string; title: string };

/**
 * Notifies people of a colleague question (qa_duty, qa_answer), in the caller's transaction: a row each for the app,
 * and the mail at once for those whose choice (or default) is immediate, into the mail outbox. Only active people
 * who still take part in the organizer's questions are told. Returns the ids of those notified.
 */
export async function notifyPeople(
	tx: Db,
	opts: { kind: Extract<NotificationKind, 'qa_duty' | 'qa_answer'>; notice: QuestionNotice; personIds: string[]; now?: Date }
): Promise<string[]> {
	const ids = [...new Set(opts.personIds)];
	if (ids.length === 0) return [];
	const now = opts.now ?? new Date();
	const { organizerId, questionId, title } = opts.notice;
	const rows = await tx
		.select({ id: people.id, name: people.name, status: people.status, email: people.email, ...actorColumns(todayInStockholm(now)) })
		.from(people)
		.where(inArray(people.id, ids));
	const lines = await tx
		.select({ personId: supportTeamMembers.personId, line: supportTeams.line })
		.from(supportTeamMembers)
		.innerJoin(supportTeams, eq(supportTeams.id, supportTeamMembers.teamId))
		.where(inArray(supportTeamMembers.personId, ids));
	const prefs = await tx
		.select({ personId: notificationPreferences.personId, email: notificationPreferences.email })
		.from(notificationPreferences)
		.where(and(inArray(notificationPreferences.personId, ids), eq(notificationPreferences.kind, opts.kind)));
	const [org] = await tx.select({ slug: organizers.slug }).from(organizers).where(eq(organizers.id, organizerId));
	const params: NotificationParams = { number: 0, line: 0, title, question: questionId };
	const link = env.ORIGIN.replace(/\/+$/, '') + notificationPath(opts.kind, params, org.slug);
	const told: string[] = [];
	for (const row of rows) {
		if (row.status !== 'active') continue;
		const actor = actorFromRow(row);
		if (!can(actor, 'qa.take_part', { type: 'knowledge', organizerId })) continue;
		const profile = profileOf(
			actor,
			lines.filter((l) => l.personId === row.id).map((l) => Number(l.line))
		);
		const chosen = new Map(prefs.filter((p) => p.personId === row.id).map((p) => [opts.kind as string, p.email]));
		const mail = emailChoice(profile, opts.kind, chosen);
		await tx.insert(notifications).values({
			organizerId,
			personId: row.id,
			kind: opts.kind,
			params,
			email: mail === 'off' ? 'none' : mail,
			emailedAt: mail === 'immediate' ? now : null
		});
		if (mail === 'immediate') await sendMail(tx, { organizerId, to: row.email, ...buildNotificationMail(opts.kind, params, link) });
		told.push(row.id);
	}
	return told;
}
