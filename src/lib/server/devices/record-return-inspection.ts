import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceReturnPhotos, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import type { IncomingFile } from '../support/tickets/check-attachment';
import { attempt } from '../support/tickets/check-attachment';
import { loadDeviceScope } from './device-scope';
import { checkReturnPhotos } from './check-return-photos';
import { inspectionSchema, RETURN_CHECKLIST, type InspectionInput } from './return-checklist';

/**
 * The follow-up step of a return scan ("Lägg till foton och skador", decision 071): the checklist, a note and up to
 * three photos, as a new `inspected` row in the device's history after the return it is about (the history is
 * append-only, so the return row itself is not changed). devices.manage at the device's unit. A return that is not
 * the organizer's or not a return is NOT_FOUND; bad photos or states are refused beside their field with nothing
 * written. One transaction with the photos and the audit event.
 */
export async function recordReturnInspection(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; returnEventId: string; input: InspectionInput; photos?: IncomingFile[] }
): Promise<{ eventId: string; deviceId: string; photos: number }> {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	if (!isUuid(opts.returnEventId)) throw new AppError('NOT_FOUND', 'no such return');
	const parsed = attempt(() => parseOrThrow(inspectionSchema, opts.input));
	const checked = attempt(() => checkReturnPhotos(opts.photos));
	if ('issues' in parsed || 'issues' in checked)
		throw new AppError('INVALID', 'invalid inspection', [
			...('issues' in parsed ? parsed.issues : []),
			...('issues' in checked ? checked.issues : [])
		]);
	const input = parsed.value;
	const files = checked.value;
	const scope = await loadDeviceScope(db, opts.organizerId);
	return db.transaction(async (tx) => {
		const [ret] = await tx
			.select()
			.from(deviceEvents)
			.where(
				and(eq(deviceEvents.id, opts.returnEventId), eq(deviceEvents.organizerId, opts.organizerId), eq(deviceEvents.kind, 'returned'))
			);
		if (!ret) throw new AppError('NOT_FOUND', 'no such return');
		const [device] = await tx.select().from(devices).where(eq(devices.id, ret.deviceId)).for('update');
		authorize(actor, 'devices.manage', scope.resource(device.unitId));
		const checklist = Object.fromEntries(RETURN_CHECKLIST.map((item) => [item, input[item]]));
		const [event] = await tx
			.insert(deviceEvents)
			.values({
				organizerId: opts.organizerId,
				deviceId: device.id,
				kind: 'inspected',
				personId: ret.personId,
				actorId: actor.personId,
				fromStatus: device.status,
				toStatus: device.status,
				condition: ret.condition,
				checklist,
				note: input.note,
				undoesEventId: null,
				ticketId: ret.ticketId
			})
			.returning({ id: deviceEvents.id });
		if (files.length)
			await tx.insert(deviceReturnPhotos).values(
				files.map((f) => ({
					organizerId: opts.organizerId,
					deviceId: device.id,
					eventId: event.id,
					fileName: f.fileName,
					contentType: f.contentType,
					sizeBytes: f.sizeBytes,
					data: f.data,
					createdBy: actor.personId
				}))
			);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device.inspect_return',
			entityType: 'device',
			entityId: device.id,
			changes: { returnEventId: [null, ret.id], checklist: [null, checklist], photos: [null, files.map((f) => f.fileName)] }
		});
		return { eventId: event.id, deviceId: device.id, photos: files.length };
	});
}
