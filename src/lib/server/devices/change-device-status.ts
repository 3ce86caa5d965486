import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { deviceEvents, deviceRepairs, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { isIsoDate } from '$lib/calendar-date';
import { todayInStockholm } from '../auth/load-actor';
import { loadDeviceScope } from './device-scope';
import { lockManagedDevice } from './lock-device-by-tag';

/** Statuses set by hand on the device page; handed_out and on_loan come only from a scan. */
export const SETTABLE_STATUSES = ['in_stock', 'in_repair', 'lost', 'stolen', 'scrapped'] as const;

/** Statuses that block the device until it is found again, and that need a report of what happened. */
const LOSSES: readonly string[] = ['lost', 'stolen'];

/** A police report number as people write it (5000-K123456-26, K123456-26 …): letters, digits, dashes, spaces. */
const POLICE_REPORT = /^[0-9A-Za-z][0-9A-Za-z -]{2,38}[0-9A-Za-z]$/;

const statusSchema = z
	.object({
		status: z.enum(SETTABLE_STATUSES, { message: 'devices_error_status' }),
		note: z.string().trim().max(1000, 'devices_error_too_long').optional().default(''),
		occurredOn: z.string().trim().optional().default(''),
		policeReport: z.string().trim().max(40, 'devices_error_police_report').optional().default('')
	})
	.superRefine((v, ctx) => {
		if (!LOSSES.includes(v.status)) return;
		if (!isIsoDate(v.occurredOn)) ctx.addIssue({ code: 'custom', path: ['occurredOn'], message: 'devices_error_date' });
		else if (v.occurredOn > todayInStockholm())
			ctx.addIssue({ code: 'custom', path: ['occurredOn'], message: 'devices_error_loss_future' });
		if (!v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'devices_error_loss_note' });
		if (v.status === 'stolen' && !POLICE_REPORT.test(v.policeReport))
			ctx.addIssue({ code: 'custom', path: ['policeReport'], message: 'devices_error_police_report' });
	});

/**
 * Changes a device's status by hand (devices.manage at its unit): to repair, lost, stolen, scrapped or back in stock.
 * A device someone holds is taken from them (the row names them). The same status again is refused beside the field.
 * Lost and stolen are reports: the day it happened (not after today) and what happened are required, and for a theft
 * the police report number too; the device is blocked (no scan hands it out) until it is found again, which is a
 * change back to another status. Appends a status_changed row and audits, in one transaction.
 */
export async function changeDeviceStatus(
	db: Db,
	opts: {
		actor: Actor | null;
		organizerId: string;
		deviceId: string;
		input: { status?: string; note?: string; occurredOn?: string; policeReport?: string };
	}
): Promise<void> {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(statusSchema, opts.input);
	if (!isUuid(opts.deviceId)) throw new AppError('NOT_FOUND', 'no such device');
	const scope = await loadDeviceScope(db, opts.organizerId);
	await db.transaction(async (tx) => {
		const device = await lockManagedDevice(tx, { actor, organizerId: opts.organizerId, deviceId: opts.deviceId, resource: scope.resource });
		if (device.status === input.status) throw invalid('status', 'devices_error_status_same');
		const [openRepair] = await tx
			.select({ id: deviceRepairs.id })
			.from(deviceRepairs)
			.where(and(eq(deviceRepairs.deviceId, device.id), isNull(deviceRepairs.returnedAt)));
		// The repair's own return puts the device back; a status set by hand meanwhile would leave the repair open.
		if (openRepair) throw invalid('status', 'devices_error_status_repair_open');
		await tx.update(devices).set({ status: input.status, holderId: null, updatedAt: new Date() }).where(eq(devices.id, device.id));
		await tx.insert(deviceEvents).values({
			organizerId: opts.organizerId,
			deviceId: device.id,
			kind: 'status_changed',
			personId: device.holderId,
			actorId: actor.personId,
			fromStatus: device.status,
			toStatus: input.status,
			note: input.note,
			occurredOn: LOSSES.includes(input.status) ? input.occurredOn : null,
			policeReport: input.status === 'stolen' ? input.policeReport : null
		});
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device.change_status',
			entityType: 'device',
			entityId: device.id,
			changes: {
				status: [device.status, input.status],
				holderId: [device.holderId, null],
				...(input.status === 'stolen' ? { policeReport: [null, input.policeReport] } : {})
			}
		});
	});
}
