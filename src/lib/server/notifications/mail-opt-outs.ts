import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { notificationPreferences } from '../db/schema';
import { defaultEmail, isEmailChoice, type EmailChoice, type NotificationKind, type NotificationProfile } from './kinds';

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

/**
 * Each of `personIds`' mail choice for `kind` in one read: their own where they chose, else the profile's default. For
 * the daily reminders (agreements, article reviews, unsigned receipts) that write one notification per person.
 */
export async function mailChoicesOf(
	db: Db,
	personIds: string[],
	kind: NotificationKind,
	profile: NotificationProfile
): Promise<(personId: string) => EmailChoice> {
	const rows = personIds.length
		? await db
				.select({ personId: notificationPreferences.personId, email: notificationPreferences.email })
				.from(notificationPreferences)
				.where(and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.personId, [...new Set(personIds)])))
		: [];
	const chosen = new Map(rows.map((r) => [r.personId, r.email]));
	return (personId) => {
		const own = chosen.get(personId);
		return isEmailChoice(own) ? own : defaultEmail(profile, kind);
	};
}
