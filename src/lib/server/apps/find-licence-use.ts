import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { appLicenceAssignments, appLicencePools, appLicenceUsage, appTools, units } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { authorize, can, type Actor } from '../policies';
import { addDays } from './agreement-state';

/** A pool whose used share is below this is flagged as little used. */
export const LOW_USE_BELOW = 0.25;
/** A pool that ends within this many days is coming up for renewal. */
export const RENEWAL_WITHIN_DAYS = 90;

export type PoolUse = {
	id: string;
	toolId: string;
	toolName: string;
	/** Null for a central pool (all units without one of their own). */
	unitName: string | null;
	seats: number;
	validFrom: string;
	validTo: string;
	priceSek: number | null;
	assigned: number;
	used: number;
	/** used / seats. */
	share: number;
	pricePerSeat: number | null;
	/** The price divided by those who used a licence; null without a price or with no use. */
	costPerActiveUser: number | null;
	/** The units whose figures count, with theirs. */
	units: { name: string; assigned: number; used: number }[];
	/** Whether the figures come from the pool's assignments to people rather than the imported per-unit figures. */
	perUser: boolean;
	/** Licences assigned to people that the latest usage file reports as unused. */
	unusedAssigned: number;
	/** Unused assigned licences in a pool coming up for renewal: take them back or buy fewer. */
	unusedBeforeRenewal: boolean;
	lowUse: boolean;
	renewalSoon: boolean;
	ended: boolean;
};

/**
 * Licence pools of the organizer with how much of each is used (apps.register): a unit's pool counts the imported
 * figures of that unit; a central pool those of every unit without a pool of its own for the tool. Only figures of
 * periods that overlap the pool count, and of each unit the latest period. A pool used below LOW_USE_BELOW is flagged,
 * more so when it ends within RENEWAL_WITHIN_DAYS: that is when to buy fewer. A pool whose licences are assigned to
 * people (decision 057) counts from its assignments instead: assigned are those held, used those a usage file reported
 * as used, per the unit they are held at; assigned but unused ones are flagged before renewal. Pools ending soonest first.
 */
export async function findLicenceUse(db: Db, opts: { actor: Actor; organizerId: string; today?: string }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const pools = await computePoolUse(db, organizerId, opts.today ?? todayInStockholm());
	return { pools, canManage: can(actor, 'apps.manage', { type: 'apps', organizerId }) };
}

/** The pools' use as findLicenceUse describes it, without asking who reads (the planning indicators use it too). */
export async function computePoolUse(db: Db, organizerId: string, today: string): Promise<PoolUse[]> {
	const [pools, usage, unitRows, held] = await Promise.all([
		db
			.select({ pool: appLicencePools, toolName: appTools.name })
			.from(appLicencePools)
			.innerJoin(appTools, eq(appTools.id, appLicencePools.toolId))
			.where(eq(appLicencePools.organizerId, organizerId))
			.orderBy(asc(appLicencePools.validTo), asc(appTools.nameKey)),
		db.select().from(appLicenceUsage).where(eq(appLicenceUsage.organizerId, organizerId)),
		db
			.select({ id: units.id, name: units.name })
			.from(units)
			.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt))),
		db
			.select({ poolId: appLicenceAssignments.poolId, unitId: appLicenceAssignments.unitId, used: appLicenceAssignments.used })
			.from(appLicenceAssignments)
			.where(and(eq(appLicenceAssignments.organizerId, organizerId), isNull(appLicenceAssignments.endedAt)))
	]);
	const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
	const ownPool = new Set(pools.filter((p) => p.pool.unitId).map((p) => `${p.pool.toolId}|${p.pool.unitId}`));
	const soon = addDays(today, RENEWAL_WITHIN_DAYS);
	const rows: PoolUse[] = pools.map(({ pool, toolName }) => {
		const counts = (u: (typeof usage)[number]) =>
			u.toolId === pool.toolId &&
			u.periodFrom <= pool.validTo &&
			u.periodTo >= pool.validFrom &&
			(pool.unitId ? u.unitId === pool.unitId : !ownPool.has(`${u.toolId}|${u.unitId}`));
		const latest = new Map<string, (typeof usage)[number]>();
		for (const u of usage.filter(counts)) {
			const prev = latest.get(u.unitId);
			if (!prev || u.periodFrom > prev.periodFrom) latest.set(u.unitId, u);
		}
		const mine = held.filter((h) => h.poolId === pool.id);
		const perUser = mine.length > 0;
		const byUnit = new Map<string, { unitId: string; assigned: number; used: number }>();
		for (const h of mine) {
			const f = byUnit.get(h.unitId) ?? { unitId: h.unitId, assigned: 0, used: 0 };
			f.assigned += 1;
			if (h.used) f.used += 1;
			byUnit.set(h.unitId, f);
		}
		const figures = perUser ? [...byUnit.values()] : [...latest.values()];
		const unusedAssigned = mine.filter((h) => h.used === false).length;
		const assigned = figures.reduce((n, u) => n + u.assigned, 0);
		const used = figures.reduce((n, u) => n + u.used, 0);
		const share = used / pool.seats;
		const ended = pool.validTo < today;
		return {
			id: pool.id,
			toolId: pool.toolId,
			toolName,
			unitName: pool.unitId ? (unitName.get(pool.unitId) ?? '') : null,
			seats: pool.seats,
			validFrom: pool.validFrom,
			validTo: pool.validTo,
			priceSek: pool.priceSek,
			assigned,
			used,
			share,
			pricePerSeat: pool.priceSek === null ? null : Math.round(pool.priceSek / pool.seats),
			costPerActiveUser: pool.priceSek === null || used === 0 ? null : Math.round(pool.priceSek / used),
			units: figures
				.map((u) => ({ name: unitName.get(u.unitId) ?? '', assigned: u.assigned, used: u.used }))
				.sort((a, b) => a.name.localeCompare(b.name, 'sv')),
			perUser,
			unusedAssigned,
			unusedBeforeRenewal: unusedAssigned > 0 && !ended && pool.validTo <= soon,
			lowUse: share < LOW_USE_BELOW,
			renewalSoon: !ended && pool.validTo <= soon,
			ended
		};
	});
	return rows;
}
