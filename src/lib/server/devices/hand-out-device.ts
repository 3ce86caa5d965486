import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { conflict, invalid, parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { BLOCKED_STATUSES, HELD_STATUSES, type DeviceStatus } from './device-rules';
import { handOutSchema, type FormInput, type HandOutInput } from './device-input';
import { findPersonByIdentifier, holdsRoleAt, loadDeviceScope } from './device-scope';
import { lockDeviceByTag } from './lock-device-by-tag';

/** What a hand-out scan confirms. */
export type HandOutResult = { eventId: string; deviceId: string; tag: string; personName: string };

/**
 * One hand-out scan (devices.manage at the device's unit): the person named by their e-mail or eppn gets the device
 * with this tag. Refused beside the field: an unknown person or tag, someone who is not a member of the organizer or
 * holds no role at the device's unit (or a unit above it), a device at a unit the actor does not manage, one that is
 * already handed out (to them or to someone else), in repair, lost, stolen or scrapped. The device row is locked, so
 * two scan stations cannot hand out the same device; the change, its history row and the audit event are one transaction.
 */
export async function handOutDevice(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: FormInput<HandOutInput>; now?: Date }
): Promise<HandOutResult> {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(handOutSchema, opts.input);
	const person = await findPersonByIdentifier(db, opts.organizerId, input.person);
	if (!person) throw invalid('person', 'devices_error_person_unknown');
	if (!person.member || person.status !== 'active') throw invalid('person', 'devices_error_person_not_member');
	const scope = await loadDeviceScope(db, opts.organizerId);
	const today = todayInStockholm(opts.now);
	const result = await db.transaction(async (tx) => {
		const device = await lockDeviceByTag(tx, { actor, organizerId: opts.organizerId, tag: input.tag, scope });
		const status = device.status as DeviceStatus;
		if (BLOCKED_STATUSES.includes(status)) throw invalid('tag', `devices_error_blocked_${status}`);
		if (status === 'in_repair') throw invalid('tag', 'devices_error_in_repair');
		if (HELD_STATUSES.includes(status))
			throw conflict('tag', device.holderId === person.id ? 'devices_error_already_theirs' : 'devices_error_held_by_other');
		const unitIds = [device.unitId, ...scope.resource(device.unitId).ancestorIds];
		if (!(await holdsRoleAt(tx, { organizerId: opts.organizerId, personId: person.id, unitIds, today })))
			throw invalid('person', 'devices_error_person_other_unit');
		await tx.update(devices).set({ status: 'handed_out', holderId: person.id, updatedAt: new Date() }).where(eq(devices.id, device.id));
		const [event] = await tx
			.insert(deviceEvents)
			.values({
				organizerId: opts.organizerId,
				deviceId: device.id,
				kind: 'handed_out',
				personId: person.id,
				actorId: actor.personId,
				fromStatus: status,
				toStatus: 'handed_out'
			})
			.returning({ id: deviceEvents.id });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device.hand_out',
			entityType: 'device',
			entityId: device.id,
			changes: { status: [status, 'handed_out'], holderId: [null, person.id] }
		});
		return { eventId: event.id, deviceId: device.id, tag: device.assetTag };
	});
	const names = await shownNamesById(db, { actor, organizerId: opts.organizerId, personIds: [person.id], via: 'devices.scan' });
	return { ...result, personName: names.get(person.id) ?? '' };
}
