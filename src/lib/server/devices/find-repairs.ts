import { and, asc, between, desc, eq, gt, gte, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceModels, deviceRepairs, devices, supportTeams, tickets, units } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { AppError } from '../errors';
import { can, type Actor } from '../policies';
import { loadDeviceScope, visibleDeviceUnits } from './device-scope';
import { daysWithoutDevice, warrantyEndsOn } from './device-rules';

/** Returned repairs stay on the list this long; warranties ending this soon are reported ahead. */
export const REPAIRS_RETURNED_DAYS = 180;
export const WARRANTY_AHEAD_DAYS = 60;

/**
 * The repairs list (devices.repairs): open repairs first (the longest away first), then those returned in the last
 * 180 days with their cost — at the units whose register the actor sees, and for a supplier's people the repairs sent
 * to their teams. For register readers also the devices whose warranty ends in the next 60 days (a claim must be made
 * before). FORBIDDEN for anyone who neither sees a unit's register nor belongs to a team with repairs here.
 */
export async function findRepairs(db: Db, opts: { actor: Actor | null; organizerId: string; now?: Date }) {
	const { actor, organizerId } = opts;
	if (!actor) throw new AppError('FORBIDDEN', 'sign in');
	const scope = await loadDeviceScope(db, organizerId);
	const unitIds = visibleDeviceUnits(scope, actor, null).unitIds;
	const teamIds = actor.teamIds ?? [];
	if (unitIds.length === 0 && teamIds.length === 0) throw new AppError('FORBIDDEN', 'no repairs to see');
	const now = opts.now ?? new Date();
	const reach: SQL[] = [];
	if (unitIds.length) reach.push(inArray(devices.unitId, unitIds));
	if (teamIds.length) reach.push(inArray(deviceRepairs.supplierTeamId, teamIds));
	const since = new Date(now.getTime() - REPAIRS_RETURNED_DAYS * 86_400_000);
	const rows = await db
		.select({
			id: deviceRepairs.id,
			deviceId: devices.id,
			unitId: devices.unitId,
			assetTag: devices.assetTag,
			maker: deviceModels.maker,
			model: deviceModels.model,
			unitName: units.name,
			supplierTeamId: deviceRepairs.supplierTeamId,
			teamName: supportTeams.name,
			warranty: deviceRepairs.warranty,
			rmaNumber: deviceRepairs.rmaNumber,
			expectedBackOn: deviceRepairs.expectedBackOn,
			caseNumber: tickets.number,
			sentAt: deviceRepairs.sentAt,
			returnedAt: deviceRepairs.returnedAt,
			cost: deviceRepairs.cost,
			parts: deviceRepairs.parts,
			holderId: deviceRepairs.holderId,
			loanerDeviceId: deviceRepairs.loanerDeviceId
		})
		.from(deviceRepairs)
		.innerJoin(devices, eq(devices.id, deviceRepairs.deviceId))
		.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
		.innerJoin(units, eq(units.id, devices.unitId))
		.leftJoin(supportTeams, eq(supportTeams.id, deviceRepairs.supplierTeamId))
		.leftJoin(tickets, eq(tickets.id, deviceRepairs.ticketId))
		.where(
			and(
				eq(deviceRepairs.organizerId, organizerId),
				or(...reach),
				or(isNull(deviceRepairs.returnedAt), gte(deviceRepairs.returnedAt, since))
			)
		)
		// Open ones first (longest away first), then the newest returns: with a large register the 180 days hold more
		// than the limit, and oldest-sent first cut off the repairs that just came back.
		.orderBy(sql`${deviceRepairs.returnedAt} IS NOT NULL`, desc(deviceRepairs.returnedAt), asc(deviceRepairs.sentAt))
		.limit(500);
	const today = todayInStockholm(now);
	// Row by row through the policy too, so the list and the rule cannot drift apart.
	const shown = rows.filter((r) => can(actor, 'devices.repairs', scope.resource(r.unitId, null, r.supplierTeamId)));
	const present = ({ unitId: _u, supplierTeamId: _s, holderId, loanerDeviceId, ...r }: (typeof rows)[number]) => ({
		...r,
		loaner: !!loanerDeviceId,
		daysWithout: daysWithoutDevice({ holderId, loanerDeviceId, sentAt: r.sentAt, returnedAt: r.returnedAt }, now),
		overdue: !r.returnedAt && !!r.expectedBackOn && r.expectedBackOn < today,
		/** Whether the actor reads the unit's register (and so opens the device page); a supplier does not. */
		opens: unitIds.includes(_u),
		// A supplier sees the device and the repair, not the organizer's case numbers.
		caseNumber: unitIds.includes(_u) ? r.caseNumber : null
	});
	const open = shown.filter((r) => !r.returnedAt).map(present);
	const returned = shown
		.filter((r) => r.returnedAt)
		.sort((a, b) => b.returnedAt!.getTime() - a.returnedAt!.getTime())
		.map(present);
	return { open, returned, expiring: await expiringWarranties(db, { organizerId, unitIds, today }) };
}

/** Devices in use or in stock at the given units whose warranty ends within the next WARRANTY_AHEAD_DAYS days. */
async function expiringWarranties(db: Db, o: { organizerId: string; unitIds: string[]; today: string }) {
	if (o.unitIds.length === 0) return [];
	const horizon = new Date(Date.parse(`${o.today}T00:00:00Z`) + (WARRANTY_AHEAD_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
	const candidates = await db
		.select({
			deviceId: devices.id,
			assetTag: devices.assetTag,
			maker: deviceModels.maker,
			model: deviceModels.model,
			unitName: units.name,
			purchaseDate: devices.purchaseDate,
			warrantyMonths: deviceModels.warrantyMonths
		})
		.from(devices)
		.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
		.innerJoin(units, eq(units.id, devices.unitId))
		.where(
			and(
				eq(devices.organizerId, o.organizerId),
				inArray(devices.unitId, o.unitIds),
				inArray(devices.status, ['in_stock', 'handed_out', 'on_loan', 'in_repair']),
				isNotNull(devices.purchaseDate),
				gt(deviceModels.warrantyMonths, 0),
				// PostgreSQL adds months the same way warrantyEndsOn does (the last day of a shorter month); the exact
				// check below decides, this only keeps the rows read to the few whose warranty ends around now.
				between(sql`(${devices.purchaseDate} + make_interval(months => ${deviceModels.warrantyMonths}))::date`, o.today, horizon)
			)
		)
		.orderBy(desc(devices.purchaseDate))
		.limit(1000);
	return candidates
		.map(({ purchaseDate, warrantyMonths, ...d }) => ({ ...d, endsOn: warrantyEndsOn(purchaseDate, warrantyMonths) }))
		.filter((d): d is typeof d & { endsOn: string } => !!d.endsOn && d.endsOn >= o.today && d.endsOn < horizon)
		.sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.assetTag.localeCompare(b.assetTag))
		.slice(0, 200);
}

/** Whether any repair at the organizer was sent to one of these (supplier) teams: their start page then links to the list. */
export async function hasTeamRepairs(db: Db, organizerId: string, teamIds: string[]): Promise<boolean> {
	if (teamIds.length === 0) return false;
	const [row] = await db
		.select({ id: deviceRepairs.id })
		.from(deviceRepairs)
		.where(and(eq(deviceRepairs.organizerId, organizerId), inArray(deviceRepairs.supplierTeamId, teamIds)))
		.limit(1);
	return !!row;
}
