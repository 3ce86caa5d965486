import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import {
	deviceEvents,
	deviceModels,
	deviceReceiptSignatures,
	deviceRepairs,
	deviceReturnPhotos,
	devices,
	supportTeams,
	units
} from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { depreciatedValue, underWarranty, warrantyEndsOn } from './device-rules';
import { repairTeamsOf } from './send-device-to-repair';
import { loadDeviceScope } from './device-scope';
import { findDeviceCases } from './find-device-cases';

/**
 * One device with its whole history, oldest first (devices.read: those who manage it, principals of its unit or
 * above, and the person who has it). Unknown ids and other organizers' devices are NOT_FOUND. The value today is
 * the depreciated value; canManage says whether the page offers the status change.
 */
export async function getDevice(db: Db, opts: { actor: Actor | null; organizerId: string; deviceId: string; now?: Date }) {
	authorize(opts.actor, 'organizer.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	if (!isUuid(opts.deviceId)) throw new AppError('NOT_FOUND', 'no such device');
	const [row] = await db
		.select({
			id: devices.id,
			assetTag: devices.assetTag,
			serialNumber: devices.serialNumber,
			status: devices.status,
			purchaseDate: devices.purchaseDate,
			holderId: devices.holderId,
			unitId: devices.unitId,
			unitName: units.name,
			maker: deviceModels.maker,
			model: deviceModels.model,
			type: deviceModels.type,
			purchasePrice: deviceModels.purchasePrice,
			leasePerMonth: deviceModels.leasePerMonth,
			expectedLifeMonths: deviceModels.expectedLifeMonths,
			warrantyMonths: deviceModels.warrantyMonths
		})
		.from(devices)
		.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
		.innerJoin(units, eq(units.id, devices.unitId))
		.where(and(eq(devices.id, opts.deviceId), eq(devices.organizerId, opts.organizerId)));
	if (!row) throw new AppError('NOT_FOUND', 'no such device');
	const { resource } = await loadDeviceScope(db, opts.organizerId);
	authorize(actor, 'devices.read', resource(row.unitId, row.holderId));
	const events = await db
		.select({
			id: deviceEvents.id,
			kind: deviceEvents.kind,
			personId: deviceEvents.personId,
			actorId: deviceEvents.actorId,
			fromStatus: deviceEvents.fromStatus,
			toStatus: deviceEvents.toStatus,
			condition: deviceEvents.condition,
			feeProposal: deviceEvents.feeProposal,
			undoesEventId: deviceEvents.undoesEventId,
			occurredOn: deviceEvents.occurredOn,
			policeReport: deviceEvents.policeReport,
			note: deviceEvents.note,
			checklist: deviceEvents.checklist,
			/** A hand-out's receipt signed in the app (decision 071): when, else null. */
			receiptSignedAt: deviceReceiptSignatures.signedAt,
			createdAt: deviceEvents.createdAt
		})
		.from(deviceEvents)
		.leftJoin(deviceReceiptSignatures, eq(deviceReceiptSignatures.eventId, deviceEvents.id))
		.where(eq(deviceEvents.deviceId, row.id))
		.orderBy(asc(deviceEvents.createdAt), asc(deviceEvents.id));
	// The photos of the returns (decision 071): named here, fetched one by one through getReturnPhoto.
	const photos = await db
		.select({ id: deviceReturnPhotos.id, eventId: deviceReturnPhotos.eventId, fileName: deviceReturnPhotos.fileName })
		.from(deviceReturnPhotos)
		.where(eq(deviceReturnPhotos.deviceId, row.id))
		.orderBy(asc(deviceReturnPhotos.createdAt), asc(deviceReturnPhotos.id));
	const names = await shownNamesById(db, {
		actor,
		organizerId: opts.organizerId,
		personIds: [row.holderId, ...events.flatMap((e) => [e.personId, e.actorId])],
		via: 'devices.device'
	});
	const name = (id: string | null) => (id ? (names.get(id) ?? '') : '');
	const cases = await findDeviceCases(db, { actor, organizerId: opts.organizerId, deviceId: row.id });
	const canManage = can(actor, 'devices.manage', resource(row.unitId));
	const [openRepair] = await db
		.select({
			id: deviceRepairs.id,
			warranty: deviceRepairs.warranty,
			rmaNumber: deviceRepairs.rmaNumber,
			expectedBackOn: deviceRepairs.expectedBackOn,
			sentAt: deviceRepairs.sentAt,
			teamName: supportTeams.name
		})
		.from(deviceRepairs)
		.leftJoin(supportTeams, eq(supportTeams.id, deviceRepairs.supplierTeamId))
		.where(and(eq(deviceRepairs.deviceId, row.id), isNull(deviceRepairs.returnedAt)));
	const today = todayInStockholm(opts.now);
	const { holderId, ...device } = row;
	return {
		device: {
			...device,
			holderName: name(holderId),
			value: depreciatedValue({ ...row, on: today }),
			warrantyEndsOn: warrantyEndsOn(row.purchaseDate, row.warrantyMonths),
			underWarranty: underWarranty(row.purchaseDate, row.warrantyMonths, today)
		},
		openRepair: openRepair ?? null,
		/** Where the device can be sent for repair (for those who manage it). */
		repairTeams: canManage ? await repairTeamsOf(db, opts.organizerId) : [],
		cases,
		events: events.map(({ personId, actorId, ...e }) => ({
			...e,
			personName: name(personId),
			actorName: name(actorId),
			photos: photos.filter((p) => p.eventId === e.id).map((p) => ({ id: p.id, fileName: p.fileName }))
		})),
		canManage
	};
}
