import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceRepairs, devices, memberships, people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, conflict, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { loadDeviceScope } from './device-scope';
import { lockManagedDevice } from './lock-device-by-tag';
import { returnRepairSchema } from './repair-input';

/**
 * Records that a device came back from its open repair (devices.manage at its unit), with what the repair cost and
 * which parts were changed. The device goes back to the person who had it when it was sent — if they are still an
 * active member of the organizer — and otherwise into stock. Refused when the device has no open repair. Appends a
 * repair_returned row and audits, in one transaction.
 */
export async function returnDeviceFromRepair(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; deviceId: string; input: Record<string, string | undefined> }
): Promise<{ backTo: string | null }> {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(returnRepairSchema, opts.input);
	if (!isUuid(opts.deviceId)) throw new AppError('NOT_FOUND', 'no such device');
	const { organizerId } = opts;
	const { resource } = await loadDeviceScope(db, organizerId);
	return db.transaction(async (tx) => {
		const device = await lockManagedDevice(tx, { actor, organizerId: organizerId, deviceId: opts.deviceId, resource: resource });
		const [repair] = await tx
			.select()
			.from(deviceRepairs)
			.where(and(eq(deviceRepairs.deviceId, device.id), isNull(deviceRepairs.returnedAt)));
		if (!repair) throw conflict('form', 'devices_error_repair_none');
		const [holder] = repair.holderId
			? await tx
					.select({ id: people.id })
					.from(people)
					.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId)))
					.where(and(eq(people.id, repair.holderId), eq(people.status, 'active')))
			: [];
		const backTo = holder?.id ?? null;
		const status = backTo ? 'handed_out' : 'in_stock';
		await tx
			.update(deviceRepairs)
			.set({
				returnedAt: sql`now()`,
				returnedById: actor.personId,
				cost: input.cost,
				parts: input.parts,
				note: input.returnNote || repair.note
			})
			.where(eq(deviceRepairs.id, repair.id));
		await tx
			.update(devices)
			.set({ status, holderId: backTo, updatedAt: sql`now()` })
			.where(eq(devices.id, device.id));
		await tx.insert(deviceEvents).values({
			organizerId,
			deviceId: device.id,
			kind: 'repair_returned',
			personId: backTo,
			actorId: actor.personId,
			fromStatus: device.status,
			toStatus: status,
			note: [input.parts, input.returnNote].filter(Boolean).join(' – ')
		});
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'device.repair_return',
			entityType: 'device',
			entityId: device.id,
			changes: { status: [device.status, status], holderId: [null, backTo], repairId: repair.id, cost: [null, input.cost] }
		});
		return { backTo };
	});
}
