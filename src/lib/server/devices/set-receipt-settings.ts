import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { deviceSettings } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';

/** Reminders about an unsigned receipt go after this many days, and again after as many (decision 071, addendum). */
export const DEFAULT_REMINDER_DAYS = 3;

const days = 'devicereturns_error_reminder_days';
export const receiptSettingsSchema = z.object({
	/** A checkbox: "on" is on, anything else off. */
	receiptsRequired: z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === 'true'),
	/** Whole days 1–30; absent keeps what is saved (a form without the field), empty or anything else is refused. */
	reminderDays: z
		.string({ message: days })
		.trim()
		.regex(/^\d{1,2}$/, days)
		.transform(Number)
		.refine((n) => n >= 1 && n <= 30, days)
		.optional()
});
export type ReceiptSettingsInput = { receiptsRequired?: string; reminderDays?: string };

/**
 * The organizer's receipt settings (decision 071 and its addendum): whether hand-outs need a signed receipt and after
 * how many days (1–30) an unsigned one is reminded. Organizer-wide device managers only (devices.models:
 * administrators and central technical support). Turning receipts on stamps since when (only later hand-outs are
 * reminded); turning them off clears it. Bad days are refused beside `reminderDays`, nothing saved. Audited with the
 * values before and after (the days when they changed), in one transaction.
 */
export async function setReceiptSettings(db: Db, opts: { actor: Actor | null; organizerId: string; input: ReceiptSettingsInput }) {
	authorize(opts.actor, 'devices.models', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(receiptSettingsSchema, opts.input);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(deviceSettings).where(eq(deviceSettings.organizerId, opts.organizerId)).for('update');
		const previous = before?.receiptsRequired ?? false;
		const previousDays = before?.receiptReminderDays ?? DEFAULT_REMINDER_DAYS;
		const next = {
			receiptsRequired: input.receiptsRequired,
			receiptsRequiredSince: input.receiptsRequired ? (previous ? (before?.receiptsRequiredSince ?? null) : new Date()) : null,
			receiptReminderDays: input.reminderDays ?? previousDays
		};
		await tx
			.insert(deviceSettings)
			.values({ organizerId: opts.organizerId, ...next })
			.onConflictDoUpdate({ target: deviceSettings.organizerId, set: { ...next, updatedAt: new Date() } });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device.settings',
			entityType: 'organizer',
			entityId: opts.organizerId,
			changes: {
				receiptsRequired: [previous, next.receiptsRequired],
				...(previousDays !== next.receiptReminderDays && { receiptReminderDays: [previousDays, next.receiptReminderDays] })
			}
		});
		return { receiptsRequired: next.receiptsRequired, reminderDays: next.receiptReminderDays };
	});
}
