import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { notifications, organizers, people } from '../db/schema';
import { sendMail } from '../mail/send-mail';
import { env } from '../env';
import { isNotificationKind } from './kinds';
import { buildDigestMail, notificationPath, type NotificationParams } from './notification-text';

/**
 * The daily digest (07:00 Europe/Stockholm): one mail per person (and organizer: its administrators may read
 * the outbox) with every notification they chose to get in
 * the digest and have not had yet, oldest first; the rows are marked mailed in the same transaction as the mail
 * goes into the outbox, so a second run sends nothing. Inactive people get none (their rows are marked too).
 * Returns how many mails were queued.
 */
export async function sendNotificationDigests(db: Db, now: Date = new Date()): Promise<{ mails: number }> {
	const origin = env.ORIGIN.replace(/\/+$/, '');
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({
				id: notifications.id,
				personId: notifications.personId,
				organizerId: notifications.organizerId,
				kind: notifications.kind,
				params: notifications.params,
				slug: organizers.slug,
				email: people.email,
				status: people.status
			})
			.from(notifications)
			.innerJoin(people, eq(people.id, notifications.personId))
			.innerJoin(organizers, eq(organizers.id, notifications.organizerId))
			.where(and(eq(notifications.email, 'digest'), isNull(notifications.emailedAt)))
			.orderBy(asc(notifications.personId), asc(notifications.id))
			.for('update', { of: notifications, skipLocked: true });
		const byPerson = new Map<string, typeof rows>();
		for (const r of rows) {
			const key = `${r.personId}|${r.organizerId}`;
			byPerson.set(key, [...(byPerson.get(key) ?? []), r]);
		}
		let mails = 0;
		for (const list of byPerson.values()) {
			const first = list[0];
			const items = list.flatMap((r) =>
				isNotificationKind(r.kind)
					? [
							{
								kind: r.kind,
								params: r.params as unknown as NotificationParams,
								link: origin + notificationPath(r.kind, r.params as never, r.slug)
							}
						]
					: []
			);
			if (first.status !== 'active' || items.length === 0) continue;
			await sendMail(tx, { organizerId: first.organizerId, to: first.email, ...buildDigestMail(items) });
			mails++;
		}
		if (rows.length)
			await tx
				.update(notifications)
				.set({ emailedAt: now })
				.where(
					inArray(
						notifications.id,
						rows.map((r) => r.id)
					)
				);
		return { mails };
	});
}
