import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { notifications, organizers } from '../db/schema';
import type { Actor } from '../policies';
import { isNotificationKind } from './kinds';
import { notificationPath, notificationText, type NotificationParams } from './notification-text';

/** One notification as the page shows it: the sentence, the case's page, when, and whether it is read. */
export type NotificationItem = { id: number; text: string; href: string; createdAt: string; unread: boolean };

/** The actor's own notifications, newest first (the latest `limit`), in the reader's language. */
export async function findNotifications(db: Db, opts: { actor: Actor; locale: 'sv' | 'en'; limit?: number }): Promise<NotificationItem[]> {
	const rows = await db
		.select({
			id: notifications.id,
			kind: notifications.kind,
			params: notifications.params,
			createdAt: notifications.createdAt,
			readAt: notifications.readAt,
			slug: organizers.slug
		})
		.from(notifications)
		.innerJoin(organizers, eq(organizers.id, notifications.organizerId))
		.where(eq(notifications.personId, opts.actor.personId))
		.orderBy(desc(notifications.id))
		.limit(opts.limit ?? 200);
	return rows.flatMap((r) => {
		if (!isNotificationKind(r.kind)) return [];
		const p = r.params as unknown as NotificationParams;
		return [
			{
				id: r.id,
				text: notificationText(r.kind, p, opts.locale),
				href: notificationPath(r.kind, p, r.slug),
				createdAt: r.createdAt.toISOString(),
				unread: !r.readAt
			}
		];
	});
}

/** How many of the person's notifications are unread (the header's bell). */
export async function countUnreadNotifications(db: Db, personId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
	return Number(row?.n ?? 0);
}
