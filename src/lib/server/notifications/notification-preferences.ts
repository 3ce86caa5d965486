import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { notificationPreferences, supportTeamMembers, supportTeams } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, type FieldIssue } from '../errors';
import type { Actor } from '../policies';
import { profileOf } from './find-recipients';
import { emailChoice, isEmailChoice, NOTIFICATION_KINDS, type EmailChoice, type NotificationKind } from './kinds';

export type PreferenceRow = { kind: NotificationKind; email: EmailChoice; chosen: boolean };

async function loadProfile(db: Db, actor: Actor) {
	const lines = await db
		.select({ line: supportTeams.line })
		.from(supportTeamMembers)
		.innerJoin(supportTeams, eq(supportTeams.id, supportTeamMembers.teamId))
		.where(and(eq(supportTeamMembers.personId, actor.personId), isNull(supportTeams.archivedAt)));
	return profileOf(
		actor,
		lines.map((l) => Number(l.line))
	);
}

/** The actor's mail choice per kind: their own where they chose, else their profile's default (decision 026). */
export async function getNotificationPreferences(db: Db, opts: { actor: Actor }): Promise<PreferenceRow[]> {
	const [profile, rows] = [
		await loadProfile(db, opts.actor),
		await db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, opts.actor.personId))
	];
	const chosen = new Map(rows.map((r) => [r.kind, r.email]));
	return NOTIFICATION_KINDS.map((kind) => ({ kind, email: emailChoice(profile, kind, chosen), chosen: chosen.has(kind) }));
}

/**
 * Saves the actor's mail choice for every kind (the form sends one per kind; all or nothing). Audited with what
 * changed; saving the same choices writes nothing.
 */
export async function saveNotificationPreferences(db: Db, opts: { actor: Actor | null; input: Record<string, unknown> }): Promise<number> {
	const actor = opts.actor;
	if (!actor) throw new AppError('UNAUTHENTICATED', 'Inte inloggad');
	const issues: FieldIssue[] = NOTIFICATION_KINDS.filter((k) => !isEmailChoice(opts.input[k])).map((k) => ({
		field: k,
		message: 'notifications_prefs_error'
	}));
	if (issues.length) throw new AppError('INVALID', 'Ogiltiga uppgifter', issues);
	return db.transaction(async (tx) => {
		const before = new Map((await getNotificationPreferences(tx, { actor })).map((p) => [p.kind, p]));
		const changes: Record<string, [string, string]> = {};
		for (const kind of NOTIFICATION_KINDS) {
			const email = opts.input[kind] as EmailChoice;
			const was = before.get(kind);
			if (was?.chosen && was.email === email) continue;
			await tx
				.insert(notificationPreferences)
				.values({ personId: actor.personId, kind, email })
				.onConflictDoUpdate({
					target: [notificationPreferences.personId, notificationPreferences.kind],
					set: { email, updatedAt: sql`now()` }
				});
			if (was?.email !== email) changes[kind] = [was?.email ?? 'off', email];
		}
		if (Object.keys(changes).length) {
			await recordAudit(tx, {
				organizerId: null,
				actorId: actor.personId,
				action: 'notifications.preferences_update',
				entityType: 'person',
				entityId: actor.personId,
				changes
			});
		}
		return Object.keys(changes).length;
	});
}
