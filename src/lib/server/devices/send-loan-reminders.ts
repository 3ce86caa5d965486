import { and, eq, inArray, lt } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { deviceBookingItems, deviceBookings, devicePools, devices, organizers, people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { env } from '../env';
import { bilingualMail } from '../mail/bilingual-mail';
import { sendMail } from '../mail/send-mail';

/** A late loan is reminded again after this many days. */
export const REMIND_EVERY_DAYS = 7;

const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Reminds borrowers of late loans (the daily device-loan-reminders job; tests pass a made-up `now`): every picked-up
 * booking whose last day has passed gets a mail to the borrower through the outbox — Swedish and English, naming the
 * pool, the tags and the day they were due — the day after, and again every REMIND_EVERY_DAYS days while still out.
 * Idempotent within a day: the booking's reminded_on is set in the same transaction as the mail. Audited
 * device_booking.remind. Returns how many were sent.
 */
export async function sendLoanReminders(db: Db, now: Date, opts: { organizerId?: string } = {}): Promise<{ sent: number }> {
	const today = todayInStockholm(now);
	const late = await db
		.select({
			id: deviceBookings.id,
			organizerId: deviceBookings.organizerId,
			poolId: deviceBookings.poolId,
			endsOn: deviceBookings.endsOn,
			remindedOn: deviceBookings.remindedOn,
			poolName: devicePools.name,
			email: people.email,
			name: people.name,
			slug: organizers.slug
		})
		.from(deviceBookings)
		.innerJoin(devicePools, eq(devicePools.id, deviceBookings.poolId))
		.innerJoin(people, eq(people.id, deviceBookings.borrowerId))
		.innerJoin(organizers, eq(organizers.id, deviceBookings.organizerId))
		.where(
			and(
				eq(deviceBookings.status, 'picked_up'),
				lt(deviceBookings.endsOn, today),
				eq(people.status, 'active'),
				opts.organizerId ? eq(deviceBookings.organizerId, opts.organizerId) : undefined
			)
		);
	const due = late.filter((b) => !b.remindedOn || b.remindedOn <= daysBefore(today, REMIND_EVERY_DAYS));
	if (due.length === 0) return { sent: 0 };
	const tags = await db
		.select({ bookingId: deviceBookingItems.bookingId, assetTag: devices.assetTag })
		.from(deviceBookingItems)
		.innerJoin(devices, eq(devices.id, deviceBookingItems.deviceId))
		.where(
			and(
				inArray(
					deviceBookingItems.bookingId,
					due.map((b) => b.id)
				),
				eq(devices.status, 'on_loan')
			)
		);
	const origin = env.ORIGIN.replace(/\/+$/, '');
	let sent = 0;
	for (const b of due) {
		const out = tags.filter((t) => t.bookingId === b.id).map((t) => t.assetTag);
		if (out.length === 0) continue;
		const link = `${origin}/${b.slug}/utrustning/lanepooler/${b.poolId}`;
		const mail = bilingualMail((locale) => {
			const o = { locale };
			return {
				subject: m.devices_loan_mail_subject({ pool: b.poolName }, o),
				paragraphs: [
					m.devices_loan_mail_greeting({ name: b.name }, o),
					m.devices_loan_mail_body({ pool: b.poolName, date: b.endsOn, tags: out.join(', ') }, o),
					`${m.devices_loan_mail_link({}, o)}\n${link}`
				]
			};
		});
		const wrote = await db.transaction(async (tx) => {
			const [row] = await tx
				.update(deviceBookings)
				.set({ remindedOn: today })
				.where(and(eq(deviceBookings.id, b.id), eq(deviceBookings.status, 'picked_up')))
				.returning({ id: deviceBookings.id, remindedOn: deviceBookings.remindedOn });
			if (!row) return false;
			await sendMail(tx, { organizerId: b.organizerId, to: b.email, ...mail });
			await recordAudit(tx, {
				organizerId: b.organizerId,
				actorId: null,
				action: 'device_booking.remind',
				entityType: 'device_booking',
				entityId: b.id,
				changes: { endsOn: b.endsOn, tags: out }
			});
			return true;
		});
		if (wrote) sent++;
	}
	return { sent };
}
