import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceModels, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { invalid, parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import {
	HELD_STATUSES,
	depreciatedValue,
	proposeFee,
	underWarranty,
	warrantyEndsOn,
	type DeviceStatus,
	type ReturnCondition
} from './device-rules';
import { returnSchema, type FormInput, type ReturnInput } from './device-input';
import { loadDeviceScope } from './device-scope';
import { lockDeviceByTag } from './lock-device-by-tag';
import { fileReturnCase } from './file-return-case';

/** What a return scan confirms: whom it came back from, in what condition, and for a damaged device a fee proposal. */
export type ReturnResult = {
	eventId: string;
	deviceId: string;
	tag: string;
	personName: string;
	condition: ReturnCondition;
	/** The depreciated value today (null for a leased model or without a purchase date). */
	value: number | null;
	/** The fee to propose (damaged only): the depreciated value, never the new price. */
	fee: number | null;
	/** Damaged: the repair case it opened (a warranty claim within the warranty), by number. */
	caseNumber: number | null;
	warrantyClaim: boolean;
};

/**
 * One return scan (devices.manage at the device's unit): the device with this tag comes back in the given condition.
 * In order or with missing parts it goes back in stock; damaged it goes to repair, with a fee proposal from its
 * depreciated value, and a repair case opens in the same transaction (within the warranty, one marked for a warranty
 * claim; decision 071). Refused beside the tag: an unknown tag, a device at a unit the actor does not manage, one that
 * nobody holds. One transaction with its history row and audit event.
 */
export async function returnDevice(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: FormInput<ReturnInput>; now?: Date }
): Promise<ReturnResult> {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(returnSchema, opts.input);
	const scope = await loadDeviceScope(db, opts.organizerId);
	const today = todayInStockholm(opts.now);
	const result = await db.transaction(async (tx) => {
		const device = await lockDeviceByTag(tx, { actor, organizerId: opts.organizerId, tag: input.tag, scope });
		const status = device.status as DeviceStatus;
		if (!HELD_STATUSES.includes(status) || !device.holderId) throw invalid('tag', 'devices_error_not_handed_out');
		const [model] = await tx
			.select({
				purchasePrice: deviceModels.purchasePrice,
				expectedLifeMonths: deviceModels.expectedLifeMonths,
				warrantyMonths: deviceModels.warrantyMonths,
				maker: deviceModels.maker,
				model: deviceModels.model
			})
			.from(deviceModels)
			.where(eq(deviceModels.id, device.modelId));
		const value = depreciatedValue({ ...model, purchaseDate: device.purchaseDate, on: today });
		const fee = proposeFee(input.condition, value);
		const next: DeviceStatus = input.condition === 'damaged' ? 'in_repair' : 'in_stock';
		await tx.update(devices).set({ status: next, holderId: null, updatedAt: new Date() }).where(eq(devices.id, device.id));
		const warranty = underWarranty(device.purchaseDate, model.warrantyMonths, today);
		const ticket =
			input.condition === 'damaged'
				? await fileReturnCase(tx, {
						organizerId: opts.organizerId,
						actorId: actor.personId,
						device: {
							id: device.id,
							assetTag: device.assetTag,
							unitId: device.unitId,
							label: `${device.assetTag} – ${model.maker} ${model.model}`
						},
						holderId: device.holderId,
						fee,
						warrantyEndsOn: warrantyEndsOn(device.purchaseDate, model.warrantyMonths),
						underWarranty: warranty
					})
				: null;
		const [event] = await tx
			.insert(deviceEvents)
			.values({
				organizerId: opts.organizerId,
				deviceId: device.id,
				kind: 'returned',
				personId: device.holderId,
				actorId: actor.personId,
				fromStatus: status,
				toStatus: next,
				condition: input.condition,
				feeProposal: fee,
				ticketId: ticket?.id ?? null
			})
			.returning({ id: deviceEvents.id });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device.return',
			entityType: 'device',
			entityId: device.id,
			changes: {
				status: [status, next],
				holderId: [device.holderId, null],
				condition: [null, input.condition],
				feeProposal: [null, fee],
				...(ticket && { caseNumber: [null, ticket.number], warrantyClaim: [null, warranty] })
			}
		});
		return {
			eventId: event.id,
			deviceId: device.id,
			tag: device.assetTag,
			holderId: device.holderId,
			value,
			fee,
			caseNumber: ticket?.number ?? null,
			warrantyClaim: !!ticket && warranty
		};
	});
	const names = await shownNamesById(db, { actor, organizerId: opts.organizerId, personIds: [result.holderId], via: 'devices.scan' });
	return {
		eventId: result.eventId,
		deviceId: result.deviceId,
		tag: result.tag,
		personName: names.get(result.holderId) ?? '',
		condition: input.condition,
		value: result.value,
		fee: result.fee,
		caseNumber: result.caseNumber,
		warrantyClaim: result.warrantyClaim
	};
}
