import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { dueRemindersSent, memberships, organizers, people } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { sendMail } from '../../mail/send-mail';
import { todayInStockholm } from '../../auth/load-actor';
import { decisionDueSource } from './decision-due-source';
import { actionDueSource } from './action-due-source';
import type { DueItem, DueSource } from './due-source';
import { buildReminderMail, type ReminderKind } from './reminder-mail';
import { parseReminderSettings, REMINDER_SETTINGS_KEY } from './settings';
import { queueWebhookEvent } from '../../integrations/webhooks/queue-webhook-event';

/** Every kind of thing the reminder job looks at. Council decisions become one more entry here. */
export const DUE_SOURCES: readonly DueSource[] = [actionDueSource, decisionDueSource];

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
/** `day` (YYYY-MM-DD) moved by `days`. */
export const addDays = (day: string, days: number) => new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);

/** Which reminder an item is owed on `today`: overdue after its date, due soon within `daysBefore` days (0 = never). */
export function reminderKind(dueOn: string, today: string, daysBefore: number): ReminderKind | null {
	if (dueOn < today) return 'overdue';
	if (daysBefore > 0 && dueOn <= addDays(today, daysBefore)) return 'due_soon';
	return null;
}

type Recipient = { id: string; name: string; email: string };

/** The recipients who are active people and still members of the organizer; others get no mail. */
async function activeMembers(db: Db, organizerId: string, ids: string[]): Promise<Map<string, Recipient>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({ id: people.id, name: people.name, email: people.email })
		.from(people)
		.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId)))
		.where(and(inArray(people.id, ids), eq(people.status, 'active')));
	return new Map(rows.map((r) => [r.id, r]));
}

/** The reminders already sent for these items, as "itemId kind dueOn" keys. */
async function sentKeys(db: Db, source: string, itemIds: string[]): Promise<Set<string>> {
	if (itemIds.length === 0) return new Set();
	const rows = await db
		.select({ itemId: dueRemindersSent.itemId, kind: dueRemindersSent.kind, dueOn: dueRemindersSent.dueOn })
		.from(dueRemindersSent)
		.where(and(eq(dueRemindersSent.source, source), inArray(dueRemindersSent.itemId, itemIds)));
	return new Set(rows.map((r) => `${r.itemId} ${r.kind} ${r.dueOn}`));
}

/**
 * One reminder, in its own transaction: the row in due_reminders_sent claims it (its key is source, item, kind
 * and due date, so a second run or a second node sends nothing), then the mail goes to the outbox and the audit
 * log says so. Returns whether this call sent it.
 */
async function sendOne(db: Db, source: DueSource, item: DueItem, kind: ReminderKind, to: Recipient, today: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const claimed = await tx
			.insert(dueRemindersSent)
			.values({ source: source.key, itemId: item.itemId, kind, dueOn: item.dueOn, organizerId: item.organizerId, personId: to.id })
			.onConflictDoNothing()
			.returning({ itemId: dueRemindersSent.itemId });
		if (claimed.length === 0) return false;
		const daysLeft = dayNumber(item.dueOn) - dayNumber(today);
		const mail = buildReminderMail({ kind, item, noun: source.noun, recipientName: to.name, daysLeft });
		await sendMail(tx, { organizerId: item.organizerId, to: to.email, ...mail });
		// An action coming due or overdue is also a webhook event (decision 052), once per reminder as the mail is.
		if (source.key === actionDueSource.key)
			await queueWebhookEvent(tx, {
				organizerId: item.organizerId,
				type: 'action.due',
				data: { actionId: item.itemId, title: item.title, dueOn: item.dueOn, reminder: kind }
			});
		await recordAudit(tx, {
			organizerId: item.organizerId,
			actorId: null,
			action: 'reminder.send',
			entityType: source.entityType,
			entityId: item.itemId,
			changes: { kind, dueOn: item.dueOn, personId: to.id }
		});
		return true;
	});
}

/**
 * Sends the reminders owed at `now` (what the planning-reminders job runs; tests pass a made-up `now`): for
 * every organizer (or the one given) and every source, each open item due within the organizer's `daysBefore`
 * days gets one "due soon" mail to its responsible person, and each open item past its date one "overdue" mail.
 * A moved due date re-arms both. Inactive people and people no longer members get nothing. Idempotent.
 */
export async function sendDueReminders(
	db: Db,
	now: Date,
	opts: { organizerId?: string; sources?: readonly DueSource[] } = {}
): Promise<{ dueSoon: number; overdue: number }> {
	const result = { dueSoon: 0, overdue: 0 };
	const today = todayInStockholm(now);
	const orgs = await db
		.select({ id: organizers.id, slug: organizers.slug, settings: organizers.settings })
		.from(organizers)
		.where(opts.organizerId ? eq(organizers.id, opts.organizerId) : undefined);
	for (const org of orgs) {
		const { daysBefore } = parseReminderSettings(org.settings?.[REMINDER_SETTINGS_KEY]);
		for (const source of opts.sources ?? DUE_SOURCES) {
			const items = await source.findOpenDue(db, { organizerId: org.id, slug: org.slug, until: addDays(today, daysBefore) });
			const owed = items.flatMap((item) => {
				const kind = reminderKind(item.dueOn, today, daysBefore);
				return kind ? [{ item, kind }] : [];
			});
			const [sent, recipients] = await Promise.all([
				sentKeys(
					db,
					source.key,
					owed.map((o) => o.item.itemId)
				),
				activeMembers(db, org.id, [...new Set(owed.map((o) => o.item.recipientId))])
			]);
			for (const { item, kind } of owed) {
				const to = recipients.get(item.recipientId);
				if (!to || sent.has(`${item.itemId} ${kind} ${item.dueOn}`)) continue;
				if (await sendOne(db, source, item, kind, to, today)) result[kind === 'overdue' ? 'overdue' : 'dueSoon']++;
			}
		}
	}
	return result;
}
