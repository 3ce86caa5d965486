import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceModels, deviceRepairs, devices } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { daysWithoutDevice } from './device-rules';
import { loadDeviceScope } from './device-scope';
import { modelCostPerStudentYear, type ModelHistory } from './device-costs';

const YEAR_MS = 365.25 * 86_400_000;
/** Statuses after which a device is no longer in use: its years end when it got there. */
const OUT_OF_USE = ['lost', 'stolen', 'scrapped'];

/**
 * Cost per student-year of each model (devices.view), from the devices at the units the reader sees: their years of
 * use, the recorded costs of the repairs that came back, the days students went without, and the loss and theft
 * reports — put through modelCostPerStudentYear. Models without enough history have `cost` null.
 */
export async function findModelCosts(db: Db, opts: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(opts.actor, 'devices.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { tree, resource } = await loadDeviceScope(db, opts.organizerId);
	const unitIds = tree.filter((u) => can(actor, 'devices.view', resource(u.id))).map((u) => u.id);
	return modelCostsAt(db, { organizerId: opts.organizerId, unitIds, now: opts.now ?? new Date() });
}

/**
 * The organizer-wide cost per student-year of each model, without asking who reads: for callers that show these
 * aggregate figures under their own rule (the board report, followup.report — decision 062). Anything else calls
 * findModelCosts.
 */
export async function computeOrganizerModelCosts(db: Db, opts: { organizerId: string; now?: Date }) {
	const { tree } = await loadDeviceScope(db, opts.organizerId);
	return modelCostsAt(db, { organizerId: opts.organizerId, unitIds: tree.map((u) => u.id), now: opts.now ?? new Date() });
}

/** The figures of findModelCosts from the devices at the given units. */
async function modelCostsAt(db: Db, opts: { organizerId: string; unitIds: string[]; now: Date }) {
	const { unitIds, now } = opts;
	const models = await db.select().from(deviceModels).where(eq(deviceModels.organizerId, opts.organizerId));
	const rows = unitIds.length
		? await db
				.select({
					id: devices.id,
					modelId: devices.modelId,
					purchaseDate: devices.purchaseDate,
					createdAt: devices.createdAt,
					updatedAt: devices.updatedAt,
					status: devices.status
				})
				.from(devices)
				.where(and(eq(devices.organizerId, opts.organizerId), inArray(devices.unitId, unitIds)))
		: [];
	const ids = rows.map((d) => d.id);
	const repairs = ids.length
		? await db
				.select({
					deviceId: deviceRepairs.deviceId,
					cost: deviceRepairs.cost,
					sentAt: deviceRepairs.sentAt,
					returnedAt: deviceRepairs.returnedAt,
					holderId: deviceRepairs.holderId,
					loanerDeviceId: deviceRepairs.loanerDeviceId
				})
				.from(deviceRepairs)
				// The devices by a subquery, not a list of ids: an organizer with 200 000 devices is past the 65 535
				// parameters one statement may carry (bench:followup).
				.where(
					and(
						eq(deviceRepairs.organizerId, opts.organizerId),
						inArray(
							deviceRepairs.deviceId,
							db
								.select({ id: devices.id })
								.from(devices)
								.where(and(eq(devices.organizerId, opts.organizerId), inArray(devices.unitId, unitIds)))
						)
					)
				)
		: [];
	const losses = ids.length
		? await db
				.select({ deviceId: deviceEvents.deviceId })
				.from(deviceEvents)
				.where(
					and(
						eq(deviceEvents.organizerId, opts.organizerId),
						eq(deviceEvents.kind, 'status_changed'),
						inArray(deviceEvents.toStatus, ['lost', 'stolen']),
						isNotNull(deviceEvents.deviceId)
					)
				)
		: [];
	const start = new Map(rows.map((d) => [d.id, d.purchaseDate ? Date.parse(`${d.purchaseDate}T00:00:00Z`) : d.createdAt.getTime()]));
	const modelOf = new Map(rows.map((d) => [d.id, d.modelId]));
	const history = new Map<string, ModelHistory & { devices: number }>(
		models.map((m) => [m.id, { ...m, deviceYears: 0, repairs: [], losses: 0, daysWithout: 0, devices: 0 }])
	);
	for (const d of rows) {
		const h = history.get(d.modelId)!;
		const end = OUT_OF_USE.includes(d.status) ? d.updatedAt.getTime() : now.getTime();
		h.deviceYears += Math.max(0, end - start.get(d.id)!) / YEAR_MS;
		h.devices++;
	}
	for (const r of repairs) {
		const h = history.get(modelOf.get(r.deviceId)!)!;
		if (r.returnedAt && r.cost !== null)
			h.repairs.push({ cost: r.cost, lifeYear: Math.floor((r.sentAt.getTime() - start.get(r.deviceId)!) / YEAR_MS) + 1 });
		h.daysWithout += daysWithoutDevice(r, now) ?? 0;
	}
	for (const l of losses) {
		const modelId = modelOf.get(l.deviceId);
		if (modelId) history.get(modelId)!.losses++;
	}
	return models
		.map((m) => {
			const h = history.get(m.id)!;
			return {
				id: m.id,
				name: `${m.maker} ${m.model}`,
				purchasePrice: m.purchasePrice,
				leasePerMonth: m.leasePerMonth,
				expectedLifeMonths: m.expectedLifeMonths,
				devices: h.devices,
				deviceYears: Math.round(h.deviceYears * 10) / 10,
				repairs: h.repairs.length,
				losses: h.losses,
				cost: modelCostPerStudentYear(h)
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
