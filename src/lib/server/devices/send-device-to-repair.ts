import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceRepairs, devices, supportTeamOrganizers, supportTeams, tickets } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, conflict, invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { visibleTicketsWhere } from '../policies/support-visibility';
import { BLOCKED_STATUSES, type DeviceStatus } from './device-rules';
import { loadDeviceScope } from './device-scope';
import { lockManagedDevice } from './lock-device-by-tag';
import { sendRepairSchema } from './repair-input';

/** The technical supplier teams (line 3) that serve the organizer: where a device can be sent for repair. */
export function repairTeamsOf(db: Db, organizerId: string) {
	return db
		.select({ id: supportTeams.id, name: supportTeams.name, supplierName: supportTeams.supplierName })
		.from(supportTeams)
		.innerJoin(supportTeamOrganizers, eq(supportTeamOrganizers.teamId, supportTeams.id))
		.where(
			and(
				eq(supportTeamOrganizers.organizerId, organizerId),
				eq(supportTeams.line, 3),
				eq(supportTeams.chain, 'technical'),
				isNull(supportTeams.archivedAt)
			)
		)
		.orderBy(supportTeams.nameSort);
}

/**
 * Sends a device for repair (devices.manage at its unit): internally or to a supplier team that serves the organizer,
 * under warranty or not, with an RMA number, the day it is expected back and the case it comes from (one the actor
 * sees). The device goes to `in_repair` and is taken from its holder, who is remembered on the repair and gets it back
 * on return. A loaner named by its tag (in stock, at a unit the actor manages) is lent to the holder in the same step. Refused beside the field: a lost, stolen or scrapped device, one already at repair, a team or case that
 * is not the organizer's. Appends a repair_sent row and audits, in one transaction. Returns the repair's id.
 */
export async function sendDeviceToRepair(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; deviceId: string; input: Record<string, string | undefined> }
): Promise<string> {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(sendRepairSchema, opts.input);
	if (!isUuid(opts.deviceId)) throw new AppError('NOT_FOUND', 'no such device');
	const { organizerId } = opts;
	let supplierTeamId: string | null = null;
	if (input.supplierTeamId) {
		const teams = await repairTeamsOf(db, organizerId);
		if (!teams.some((t) => t.id === input.supplierTeamId)) throw invalid('supplierTeamId', 'devices_error_repair_team');
		supplierTeamId = input.supplierTeamId;
	}
	let ticketId: string | null = null;
	if (input.caseNumber) {
		const [ticket] = await db
			.select({ id: tickets.id })
			.from(tickets)
			.where(and(eq(tickets.number, Number(input.caseNumber)), visibleTicketsWhere(actor, organizerId)));
		if (!ticket) throw invalid('caseNumber', 'devices_error_case_number');
		ticketId = ticket.id;
	}
	const { resource } = await loadDeviceScope(db, organizerId);
	return db.transaction(async (tx) => {
		const device = await lockManagedDevice(tx, { actor, organizerId: organizerId, deviceId: opts.deviceId, resource: resource });
		if (BLOCKED_STATUSES.includes(device.status as DeviceStatus)) throw conflict('form', 'devices_error_repair_blocked');
		const [open] = await tx
			.select({ id: deviceRepairs.id })
			.from(deviceRepairs)
			.where(and(eq(deviceRepairs.deviceId, device.id), isNull(deviceRepairs.returnedAt)));
		if (open) throw conflict('form', 'devices_error_repair_open');
		const loaner = input.loanerTag ? await lendLoaner(tx, { actor, organizerId, device, tag: input.loanerTag, resource }) : null;
		const [repair] = await tx
			.insert(deviceRepairs)
			.values({
				organizerId,
				deviceId: device.id,
				ticketId,
				supplierTeamId,
				warranty: input.warranty,
				rmaNumber: input.rmaNumber || null,
				expectedBackOn: input.expectedBackOn || null,
				holderId: device.holderId,
				loanerDeviceId: loaner,
				sentById: actor.personId,
				note: input.repairNote
			})
			.returning({ id: deviceRepairs.id });
		await tx
			.update(devices)
			.set({ status: 'in_repair', holderId: null, updatedAt: sql`now()` })
			.where(eq(devices.id, device.id));
		await tx.insert(deviceEvents).values({
			organizerId,
			deviceId: device.id,
			kind: 'repair_sent',
			personId: device.holderId,
			actorId: actor.personId,
			fromStatus: device.status,
			toStatus: 'in_repair',
			note: input.repairNote
		});
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'device.repair_send',
			entityType: 'device',
			entityId: device.id,
			changes: {
				status: [device.status, 'in_repair'],
				holderId: [device.holderId, null],
				repairId: [null, repair.id],
				supplierTeamId: [null, supplierTeamId],
				warranty: [null, input.warranty],
				...(loaner && { loanerDeviceId: [null, loaner] })
			}
		});
		return repair.id;
	});
}

/**
 * Lends the device with the tag to the holder of the device going to repair (status on_loan, a `loaned` history row
 * naming the repaired device, audited). Refused beside the loaner field: nobody holds the device, an unknown tag, the
 * device itself, a device not in stock or at a unit the actor does not manage.
 */
async function lendLoaner(
	tx: Db,
	o: {
		actor: Actor;
		organizerId: string;
		device: typeof devices.$inferSelect;
		tag: string;
		resource: Awaited<ReturnType<typeof loadDeviceScope>>['resource'];
	}
): Promise<string> {
	if (!o.device.holderId) throw invalid('loanerTag', 'devices_error_loaner_no_holder');
	const [loaner] = await tx
		.select()
		.from(devices)
		.where(and(eq(devices.organizerId, o.organizerId), eq(devices.assetTag, o.tag)))
		.for('update');
	if (!loaner) throw invalid('loanerTag', 'devices_error_tag_unknown');
	if (loaner.id === o.device.id) throw invalid('loanerTag', 'devices_error_loaner_same');
	if (!can(o.actor, 'devices.manage', o.resource(loaner.unitId))) throw invalid('loanerTag', 'devices_error_not_your_unit');
	if (loaner.status !== 'in_stock') throw conflict('loanerTag', 'devices_error_loaner_not_in_stock');
	await tx
		.update(devices)
		.set({ status: 'on_loan', holderId: o.device.holderId, updatedAt: sql`now()` })
		.where(eq(devices.id, loaner.id));
	await tx.insert(deviceEvents).values({
		organizerId: o.organizerId,
		deviceId: loaner.id,
		kind: 'loaned',
		personId: o.device.holderId,
		actorId: o.actor.personId,
		fromStatus: 'in_stock',
		toStatus: 'on_loan',
		note: o.device.assetTag
	});
	await recordAudit(tx, {
		organizerId: o.organizerId,
		actorId: o.actor.personId,
		action: 'device.lend',
		entityType: 'device',
		entityId: loaner.id,
		changes: { status: ['in_stock', 'on_loan'], holderId: [null, o.device.holderId], insteadOf: o.device.id }
	});
	return loaner.id;
}
