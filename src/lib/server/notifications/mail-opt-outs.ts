import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { notificationPreferences } from '../db/schema';
import type { NotificationKind } from './kinds';

/**
 * Who of `personIds` chose not to get `kind` by mail at once (off or the daily digest). For the support case
 * mails that stand for a notification kind (the handler's mail when the requester writes); the defaults are "at once".
 */
export async function mailOptOuts(db: Db, personIds: string[], kind: NotificationKind): Promise<Set<string>> {
	if (personIds.length === 0) return new Set();
	const rows = await db
		.select({ personId: notificationPreferences.personId })
		.from(notificationPreferences)
		.where(
			and(
				inArray(notificationPreferences.personId, personIds),
				eq(notificationPreferences.kind, kind),
				ne(notificationPreferences.email, 'immediate')
			)
		);
	return new Set(rows.map((r) => r.personId));
}
