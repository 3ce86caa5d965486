import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { deviceEvents, deviceReceiptSignatures } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, conflict, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { RECEIPT_KINDS } from './unsigned-hand-outs';

export const SIGNED_AS = ['student', 'guardian'] as const;

export const signReceiptSchema = z.object({
	signedName: z
		.string({ message: 'devicereturns_error_signed_name' })
		.trim()
		.min(2, 'devicereturns_error_signed_name')
		.max(120, 'devices_error_too_long'),
	signedAs: z.enum(SIGNED_AS, { message: 'devicereturns_error_signed_as' }),
	confirm: z.literal('on', { message: 'devicereturns_error_confirm' })
});
export type SignReceiptInput = { signedName?: string; signedAs?: string; confirm?: string };

/**
 * Signs the receipt of one hand-out or loan in the app (decision 071): only the person it was handed to, signed in
 * (a guardian signs in the student's session beside them, saying so — the register knows no guardian of a student),
 * types their name, says as whom and ticks that they received the device. Who and when are stored and audited; a
 * signed receipt is never signed again or changed (CONFLICT; the unique index holds it under a race too). Unknown
 * receipts NOT_FOUND, someone else's FORBIDDEN.
 */
export async function signHandOutReceipt(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; deviceId: string; eventId: string; input: SignReceiptInput }
) {
	authorize(opts.actor, 'organizer.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	if (!isUuid(opts.deviceId) || !isUuid(opts.eventId)) throw new AppError('NOT_FOUND', 'no such receipt');
	const [event] = await db
		.select({ id: deviceEvents.id, personId: deviceEvents.personId })
		.from(deviceEvents)
		.where(
			and(
				eq(deviceEvents.id, opts.eventId),
				eq(deviceEvents.deviceId, opts.deviceId),
				eq(deviceEvents.organizerId, opts.organizerId),
				inArray(deviceEvents.kind, RECEIPT_KINDS)
			)
		);
	if (!event || !event.personId) throw new AppError('NOT_FOUND', 'no such receipt');
	if (event.personId !== actor.personId) throw new AppError('FORBIDDEN', 'only the receiver signs');
	const input = parseOrThrow(signReceiptSchema, opts.input);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(deviceReceiptSignatures)
			.values({
				organizerId: opts.organizerId,
				deviceId: opts.deviceId,
				eventId: event.id,
				signerId: actor.personId,
				signedName: input.signedName,
				signedAs: input.signedAs
			})
			.onConflictDoNothing()
			.returning();
		if (!row) throw conflict('form', 'devicereturns_error_already_signed');
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device.sign_receipt',
			entityType: 'device',
			entityId: opts.deviceId,
			changes: { eventId: [null, event.id], signedName: [null, input.signedName], signedAs: [null, input.signedAs] }
		});
		return { signedAt: row.signedAt, signedName: row.signedName, signedAs: row.signedAs };
	});
}
