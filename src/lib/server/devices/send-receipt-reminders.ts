import { and, count, eq, isNotNull, max } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceReceiptReminders, deviceReceiptSignatures, deviceSettings, notifications, organizers } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { env } from '../env';
import { sendMail } from '../mail/send-mail';
import { mailChoicesOf } from '../notifications/mail-opt-outs';
import { buildNotificationMail, notificationPath, type NotificationParams } from '../notifications/notification-text';
import { findUnsignedHandOuts } from './unsigned-hand-outs';

/** A hand-out's receipt is reminded at most this many times. */
export const MAX_RECEIPT_REMINDERS = 3;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Reminds the receivers of unsigned receipts (decision 071, addendum; the daily device-receipt-reminders job, tests pass
 * a made-up `now`). For organizers that require receipts: every hand-out or loan made since receipts were required
 * whose device the receiver still holds (the device's latest hand-out) and whose receipt is unsigned, gets a
 * `receipt_unsigned` notification to the receiver — in the app, and by mail as they chose (at once unless they chose
 * otherwise) — N days after the hand-out (the organizer's `receipt_reminder_days`, Stockholm days), then every N days,
 * at most MAX_RECEIPT_REMINDERS times. The reminder row (unique per hand-out and ordinal), the notification, the mail
 * and the audit event (device.remind_receipt) are one transaction, so a second run or a second worker sends nothing
 * twice. Returns how many were sent.
 */
export async function sendReceiptReminders(db: Db, now: Date, opts: { organizerId?: string } = {}): Promise<{ sent: number }> {
	const today = todayInStockholm(now);
	const settings = await db
		.select({
			organizerId: deviceSettings.organizerId,
			since: deviceSettings.receiptsRequiredSince,
			days: deviceSettings.receiptReminderDays,
			slug: organizers.slug
		})
		.from(deviceSettings)
		.innerJoin(organizers, eq(organizers.id, deviceSettings.organizerId))
		.where(
			and(
				eq(deviceSettings.receiptsRequired, true),
				isNotNull(deviceSettings.receiptsRequiredSince),
				opts.organizerId ? eq(deviceSettings.organizerId, opts.organizerId) : undefined
			)
		);
	const origin = env.ORIGIN.replace(/\/+$/, '');
	let sent = 0;
	for (const org of settings) {
		const due = await findDue(db, { organizerId: org.organizerId, since: org.since!, days: org.days, today });
		if (due.length === 0) continue;
		const mailOf = await mailChoicesOf(
			db,
			due.map((d) => d.personId),
			'receipt_unsigned',
			'requester'
		);
		for (const d of due) {
			const mail = mailOf(d.personId);
			const params: NotificationParams = {
				number: 0,
				line: 0,
				title: d.tag,
				device: d.deviceId,
				event: d.eventId,
				handedOutOn: d.handedOutOn
			};
			const wrote = await db.transaction(async (tx) => {
				const [signed] = await tx
					.select({ id: deviceReceiptSignatures.id })
					.from(deviceReceiptSignatures)
					.where(eq(deviceReceiptSignatures.eventId, d.eventId));
				if (signed) return false;
				const [reminder] = await tx
					.insert(deviceReceiptReminders)
					.values({ organizerId: org.organizerId, eventId: d.eventId, personId: d.personId, ordinal: d.ordinal, sentOn: today })
					.onConflictDoNothing()
					.returning({ id: deviceReceiptReminders.id });
				if (!reminder) return false;
				await tx
					.insert(notifications)
					.values({
						organizerId: org.organizerId,
						personId: d.personId,
						kind: 'receipt_unsigned',
						params,
						dedupeKey: `receipt_unsigned:${d.eventId}:${d.ordinal}`,
						email: mail === 'off' ? 'none' : mail,
						emailedAt: mail === 'immediate' ? now : null
					})
					.onConflictDoNothing();
				if (mail === 'immediate') {
					const link = origin + notificationPath('receipt_unsigned', params, org.slug);
					await sendMail(tx, { organizerId: org.organizerId, to: d.email, ...buildNotificationMail('receipt_unsigned', params, link) });
				}
				await recordAudit(tx, {
					organizerId: org.organizerId,
					actorId: null,
					action: 'device.remind_receipt',
					entityType: 'device',
					entityId: d.deviceId,
					changes: { eventId: d.eventId, personId: d.personId, reminder: d.ordinal }
				});
				return true;
			});
			if (wrote) sent++;
		}
	}
	return { sent };
}

/**
 * The organizer's hand-outs owed a reminder today: the unsigned ones (findUnsignedHandOuts) to an active person, made
 * since receipts were required, reminded fewer than MAX_RECEIPT_REMINDERS times, and `days` days past the hand-out
 * (first reminder) or the last reminder.
 */
async function findDue(db: Db, o: { organizerId: string; since: Date; days: number; today: string }) {
	const open = await findUnsignedHandOuts(db, { organizerId: o.organizerId, since: o.since, activeReceivers: true });
	if (open.length === 0) return [];
	const sentSoFar = new Map(
		(
			await db
				.select({ eventId: deviceReceiptReminders.eventId, n: count(), last: max(deviceReceiptReminders.sentOn) })
				.from(deviceReceiptReminders)
				.where(eq(deviceReceiptReminders.organizerId, o.organizerId))
				.groupBy(deviceReceiptReminders.eventId)
		).map((r) => [r.eventId, { n: Number(r.n), last: r.last }])
	);
	return open.flatMap((r) => {
		const so = sentSoFar.get(r.eventId) ?? { n: 0, last: null };
		const handedOutOn = todayInStockholm(r.at);
		if (so.n >= MAX_RECEIPT_REMINDERS) return [];
		if (addDays(so.last ?? handedOutOn, o.days) > o.today) return [];
		return [{ ...r, handedOutOn, ordinal: so.n + 1 }];
	});
}
