import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceReturnPhotos, devices } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { loadDeviceScope } from './device-scope';

/**
 * One photo of a returned device, for those who may read the device (devices.read at its unit; the holder of the
 * moment too, as for the rest of its history). Unknown ids, another device's or organizer's photos are NOT_FOUND.
 */
export async function getReturnPhoto(db: Db, opts: { actor: Actor | null; organizerId: string; deviceId: string; photoId: string }) {
	authorize(opts.actor, 'organizer.view', { type: 'organizer', organizerId: opts.organizerId });
	if (!isUuid(opts.deviceId) || !isUuid(opts.photoId)) throw new AppError('NOT_FOUND', 'no such photo');
	const [row] = await db
		.select({
			fileName: deviceReturnPhotos.fileName,
			contentType: deviceReturnPhotos.contentType,
			data: deviceReturnPhotos.data,
			unitId: devices.unitId,
			holderId: devices.holderId
		})
		.from(deviceReturnPhotos)
		.innerJoin(devices, eq(devices.id, deviceReturnPhotos.deviceId))
		.where(
			and(
				eq(deviceReturnPhotos.id, opts.photoId),
				eq(deviceReturnPhotos.deviceId, opts.deviceId),
				eq(deviceReturnPhotos.organizerId, opts.organizerId)
			)
		);
	if (!row) throw new AppError('NOT_FOUND', 'no such photo');
	const { resource } = await loadDeviceScope(db, opts.organizerId);
	authorize(opts.actor, 'devices.read', resource(row.unitId, row.holderId));
	return { fileName: row.fileName, contentType: row.contentType, data: row.data };
}
