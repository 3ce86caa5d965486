import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceModels, devices, people, units } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { flattenTree } from '../org/unit-tree';
import { shownNamesById } from '../support/privacy/shown-names';
import { DEVICE_STATUSES, type DeviceStatus } from './device-rules';
import { loadDeviceScope } from './device-scope';

/** At most this many devices on one page of the list; the filters narrow it. */
export const DEVICE_LIST_LIMIT = 200;

export type DeviceFilter = { unitId?: string; modelId?: string; status?: string; q?: string };

const likeEscaped = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The device register (devices.view): the devices at the units the actor may see (all for administrators and
 * central technical support; a principal's or technical key person's units and those below), filtered by unit,
 * model and status, searched by the start of a tag or serial number. Filter values that are not the organizer's
 * are ignored. Returns the options for the filters too. `limit` raises the page size (the label sheet); `withHolders:
 * false` leaves the holders' names out (and unread).
 */
export async function findDevices(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; filter: DeviceFilter; limit?: number; withHolders?: boolean }
) {
	authorize(opts.actor, 'devices.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { tree, resource } = await loadDeviceScope(db, opts.organizerId);
	const visible = flattenTree(
		tree.filter((u) => can(actor, 'devices.view', resource(u.id))),
		(u) => u.nameSort
	);
	const visibleIds = visible.map((u) => u.id);
	const models = await db
		.select({ id: deviceModels.id, maker: deviceModels.maker, model: deviceModels.model })
		.from(deviceModels)
		.where(eq(deviceModels.organizerId, opts.organizerId))
		.orderBy(asc(deviceModels.maker), asc(deviceModels.model));
	const f = opts.filter;
	const unitId = f.unitId && visibleIds.includes(f.unitId) ? f.unitId : '';
	const modelId = f.modelId && models.some((m) => m.id === f.modelId) ? f.modelId : '';
	const status = f.status && (DEVICE_STATUSES as readonly string[]).includes(f.status) ? (f.status as DeviceStatus) : '';
	const q = (f.q ?? '').trim().slice(0, 64);
	const where: SQL[] = [eq(devices.organizerId, opts.organizerId)];
	if (visibleIds.length === 0) return { devices: [], total: 0, units: visible, models, filter: { unitId, modelId, status, q } };
	if (unitId) where.push(eq(devices.unitId, unitId));
	else where.push(inArray(devices.unitId, visibleIds));
	if (modelId) where.push(eq(devices.modelId, modelId));
	if (status) where.push(eq(devices.status, status));
	if (q) where.push(or(ilike(devices.assetTag, `${likeEscaped(q)}%`), ilike(devices.serialNumber, `${likeEscaped(q)}%`))!);
	const [{ n }] = await db
		.select({ n: count() })
		.from(devices)
		.where(and(...where));
	const rows = await db
		.select({
			id: devices.id,
			assetTag: devices.assetTag,
			serialNumber: devices.serialNumber,
			status: devices.status,
			holderId: devices.holderId,
			maker: deviceModels.maker,
			model: deviceModels.model,
			unitName: units.name
		})
		.from(devices)
		.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
		.innerJoin(units, eq(units.id, devices.unitId))
		.leftJoin(people, eq(people.id, devices.holderId))
		.where(and(...where))
		.orderBy(asc(devices.assetTag))
		.limit(opts.limit ?? DEVICE_LIST_LIMIT);
	const names =
		opts.withHolders === false
			? new Map<string, string>()
			: await shownNamesById(db, {
					actor,
					organizerId: opts.organizerId,
					personIds: rows.map((r) => r.holderId),
					via: 'devices.list'
				});
	return {
		devices: rows.map(({ holderId, ...r }) => ({ ...r, holderName: holderId ? (names.get(holderId) ?? '') : '' })),
		total: n,
		units: visible.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		models,
		filter: { unitId, modelId, status, q }
	};
}
