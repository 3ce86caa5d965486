import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { appLicencePools, appTools, units } from '../db/schema';
import { rowsOf } from '../db/rows';
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

/** Each pool's figures per unit (summed in SQL, decision 072): from its assignments where it has any, else the latest imported period. */
type PoolUnitRow = { poolId: string; unitId: string; assigned: number; used: number; unused: number; perUser: boolean };

const svOrder = new Intl.Collator('sv').compare;

/**
 * Per pool and unit, what findLicenceUse counts, summed in the database instead of reading every usage row and
 * assignment into Node: a pool with assignments counts those held (and used, and reported unused) per unit; any other
 * pool the latest imported period per unit among those overlapping the pool — of its own unit, or for a central pool
 * of every unit without a pool of its own for the tool.
 */
async function poolUnitFigures(db: Db, organizerId: string): Promise<PoolUnitRow[]> {
	const res = await db.execute(sql`
		WITH p AS (SELECT id, tool_id, unit_id, valid_from, valid_to FROM app_licence_pools WHERE organizer_id = ${organizerId}),
		held AS (
			SELECT pool_id, unit_id, count(*)::int AS assigned, (count(*) FILTER (WHERE used))::int AS used,
				(count(*) FILTER (WHERE used = false))::int AS unused
			FROM app_licence_assignments WHERE organizer_id = ${organizerId} AND ended_at IS NULL
			GROUP BY pool_id, unit_id
		),
		own AS (SELECT DISTINCT tool_id, unit_id FROM p WHERE unit_id IS NOT NULL),
		latest AS (
			SELECT DISTINCT ON (p.id, u.unit_id) p.id AS pool_id, u.unit_id, u.assigned, u.used
			FROM p JOIN app_licence_usage u ON u.organizer_id = ${organizerId} AND u.tool_id = p.tool_id
				AND u.period_from <= p.valid_to AND u.period_to >= p.valid_from
			WHERE NOT EXISTS (SELECT 1 FROM held h WHERE h.pool_id = p.id)
				AND CASE WHEN p.unit_id IS NOT NULL THEN u.unit_id = p.unit_id
					ELSE NOT EXISTS (SELECT 1 FROM own WHERE own.tool_id = u.tool_id AND own.unit_id = u.unit_id) END
			ORDER BY p.id, u.unit_id, u.period_from DESC
		)
		SELECT pool_id AS "poolId", unit_id AS "unitId", assigned, used, unused, true AS "perUser" FROM held
		UNION ALL
		SELECT pool_id, unit_id, assigned, used, 0, false FROM latest`);
	return rowsOf<PoolUnitRow>(res);
}

/** The pools' use as findLicenceUse describes it, without asking who reads (the planning indicators use it too). */
export async function computePoolUse(db: Db, organizerId: string, today: string): Promise<PoolUse[]> {
	const [pools, figureRows, unitRows] = await Promise.all([
		db
			.select({ pool: appLicencePools, toolName: appTools.name })
			.from(appLicencePools)
			.innerJoin(appTools, eq(appTools.id, appLicencePools.toolId))
			.where(eq(appLicencePools.organizerId, organizerId))
			.orderBy(asc(appLicencePools.validTo), asc(appTools.nameKey)),
		poolUnitFigures(db, organizerId),
		db
			.select({ id: units.id, name: units.name })
			.from(units)
			.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)))
	]);
	const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
	const byPool = new Map<string, PoolUnitRow[]>();
	for (const r of figureRows) {
		const list = byPool.get(r.poolId);
		if (list) list.push(r);
		else byPool.set(r.poolId, [r]);
	}
	const soon = addDays(today, RENEWAL_WITHIN_DAYS);
	const rows: PoolUse[] = pools.map(({ pool, toolName }) => {
		const figures = byPool.get(pool.id) ?? [];
		const perUser = figures.some((f) => f.perUser);
		const unusedAssigned = figures.reduce((n, u) => n + u.unused, 0);
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
				.sort((a, b) => svOrder(a.name, b.name)),
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
