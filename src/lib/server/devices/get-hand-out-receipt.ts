import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceModels, deviceReceiptSignatures, devices, organizers, units } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { depreciatedValue } from './device-rules';
import { loadDeviceScope } from './device-scope';
import { getDeviceSettings } from './get-device-settings';
import { RECEIPT_KINDS } from './unsigned-hand-outs';

/**
 * A receipt for a hand-out (decision 069): the device, who got it from whom and when, its value that day (the
 * depreciated value, the most a damage fee can be based on) and the organizer's name, for printing and signing by the
 * student or a guardian. The newest hand-out or loan of the device unless `eventId` names one. devices.read with the
 * person the receipt is for as holder: those who manage the device, principals of its unit, and that person — also
 * after the device has moved on. No receipt yet: NOT_FOUND.
 */
export async function getHandOutReceipt(
	db: Db,
	o: { actor: Actor | null; organizerId: string; deviceId: string; eventId?: string | null }
) {
	authorize(o.actor, 'organizer.view', { type: 'organizer', organizerId: o.organizerId });
	if (!isUuid(o.deviceId) || (o.eventId && !isUuid(o.eventId))) throw new AppError('NOT_FOUND', 'no such receipt');
	const [row] = await db
		.select({
			tag: devices.assetTag,
			serialNumber: devices.serialNumber,
			purchaseDate: devices.purchaseDate,
			unitId: devices.unitId,
			unitName: units.name,
			organizerName: organizers.name,
			maker: deviceModels.maker,
			model: deviceModels.model,
			type: deviceModels.type,
			purchasePrice: deviceModels.purchasePrice,
			leasePerMonth: deviceModels.leasePerMonth,
			expectedLifeMonths: deviceModels.expectedLifeMonths
		})
		.from(devices)
		.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
		.innerJoin(units, eq(units.id, devices.unitId))
		.innerJoin(organizers, eq(organizers.id, devices.organizerId))
		.where(and(eq(devices.id, o.deviceId), eq(devices.organizerId, o.organizerId)));
	if (!row) throw new AppError('NOT_FOUND', 'no such receipt');
	const [event] = await db
		.select({
			id: deviceEvents.id,
			kind: deviceEvents.kind,
			personId: deviceEvents.personId,
			actorId: deviceEvents.actorId,
			at: deviceEvents.createdAt,
			note: deviceEvents.note
		})
		.from(deviceEvents)
		.where(
			and(
				eq(deviceEvents.deviceId, o.deviceId),
				inArray(deviceEvents.kind, RECEIPT_KINDS),
				o.eventId ? eq(deviceEvents.id, o.eventId) : undefined
			)
		)
		.orderBy(desc(deviceEvents.createdAt))
		.limit(1);
	if (!event || !event.personId) throw new AppError('NOT_FOUND', 'no such receipt');
	const { resource } = await loadDeviceScope(db, o.organizerId);
	authorize(o.actor, 'devices.read', resource(row.unitId, event.personId));
	const names = await shownNamesById(db, {
		actor: o.actor,
		organizerId: o.organizerId,
		personIds: [event.personId, event.actorId],
		via: 'devices.device'
	});
	const day = todayInStockholm(event.at);
	// Decision 071: the signature in the app, if any; the person it was handed to signs it themselves.
	const [signature] = await db
		.select({
			signedName: deviceReceiptSignatures.signedName,
			signedAs: deviceReceiptSignatures.signedAs,
			signedAt: deviceReceiptSignatures.signedAt
		})
		.from(deviceReceiptSignatures)
		.where(eq(deviceReceiptSignatures.eventId, event.id));
	return {
		signature: signature ?? null,
		canSign: !signature && event.personId === o.actor.personId,
		required: (await getDeviceSettings(db, o.organizerId)).receiptsRequired,
		eventId: event.id,
		kind: event.kind as 'handed_out' | 'loaned' | 'pool_loaned',
		/** A pool loan's due day (its history note). */
		dueOn: event.kind === 'pool_loaned' ? event.note : null,
		day,
		holderName: names.get(event.personId) ?? '',
		byName: event.actorId ? (names.get(event.actorId) ?? '') : '',
		organizerName: row.organizerName,
		unitName: row.unitName,
		device: { tag: row.tag, serialNumber: row.serialNumber, name: `${row.maker} ${row.model}`, type: row.type },
		leased: row.purchasePrice === null,
		valueThatDay: depreciatedValue({ ...row, on: day })
	};
}
