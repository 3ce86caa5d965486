import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, conflict } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { loadDeviceScope } from './device-scope';
import { closeReturnCase, type ReturnCaseOutcome } from './close-return-case';

/** What an undo confirms: the device's tag, what was undone, and what became of the case a damaged return opened. */
export type UndoResult = { deviceId: string; tag: string; undone: 'handed_out' | 'returned'; returnCase: ReturnCaseOutcome | null };

/**
 * Undoes a hand-out or return scan (devices.manage at the device's unit), as long as it is still the last thing
 * that happened to the device: the device gets back its status and holder from before the scan. The history is not
 * rewritten: an `undone` row naming the scan is appended. Unknown or other organizers' scans are NOT_FOUND; a scan
 * something has happened after is refused (CONFLICT). A damaged return's case is closed with it unless someone has
 * taken it on (`closeReturnCase`; then it stays open and the result says so). One transaction with the audit events.
 */
export async function undoDeviceScan(db: Db, opts: { actor: Actor | null; organizerId: string; eventId: string }): Promise<UndoResult> {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	if (!isUuid(opts.eventId)) throw new AppError('NOT_FOUND', 'no such scan');
	const scope = await loadDeviceScope(db, opts.organizerId);
	return db.transaction(async (tx) => {
		const [event] = await tx
			.select()
			.from(deviceEvents)
			.where(and(eq(deviceEvents.id, opts.eventId), eq(deviceEvents.organizerId, opts.organizerId)));
		if (!event || (event.kind !== 'handed_out' && event.kind !== 'returned')) throw new AppError('NOT_FOUND', 'no such scan');
		const [device] = await tx.select().from(devices).where(eq(devices.id, event.deviceId)).for('update');
		authorize(actor, 'devices.manage', scope.resource(device.unitId));
		const [last] = await tx
			.select({ id: deviceEvents.id })
			.from(deviceEvents)
			.where(eq(deviceEvents.deviceId, device.id))
			.orderBy(desc(deviceEvents.createdAt), desc(deviceEvents.id))
			.limit(1);
		if (last?.id !== event.id) throw conflict('form', 'devices_error_undo_stale');
		const status = event.fromStatus ?? 'in_stock';
		const holderId = event.kind === 'returned' ? event.personId : null;
		await tx.update(devices).set({ status, holderId, updatedAt: new Date() }).where(eq(devices.id, device.id));
		await tx.insert(deviceEvents).values({
			organizerId: opts.organizerId,
			deviceId: device.id,
			kind: 'undone',
			personId: event.personId,
			actorId: actor.personId,
			fromStatus: device.status,
			toStatus: status,
			undoesEventId: event.id
		});
		const returnCase =
			event.kind === 'returned' && event.ticketId
				? await closeReturnCase(tx, {
						organizerId: opts.organizerId,
						actorId: actor.personId,
						ticketId: event.ticketId,
						returnEventId: event.id,
						tag: device.assetTag
					})
				: null;
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device.undo_scan',
			entityType: 'device',
			entityId: device.id,
			changes: {
				status: [device.status, status],
				holderId: [device.holderId, holderId],
				undoes: [null, event.id],
				...(returnCase && { caseNumber: returnCase.number, case: returnCase.outcome })
			}
		});
		return { deviceId: device.id, tag: device.assetTag, undone: event.kind as UndoResult['undone'], returnCase };
	});
}
