// Covers: computePoolUse summed in SQL (decision 072) gives the figures the earlier in-Node count gave.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildOrganizer, buildPerson, buildTool, buildUnit } from '../../../../tests/factories';
import type { Db } from '../db';
import { appLicenceAssignments, appLicencePools, appLicenceUsage, appTools, units } from '../db/schema';
import { computePoolUse, RENEWAL_WITHIN_DAYS, LOW_USE_BELOW, type PoolUse } from './find-licence-use';
import { addDays } from './agreement-state';

const t = useTestDatabase();

/** computePoolUse as it was before decision 072: every usage row and assignment read into Node and counted there. */
async function poolUseInNode(db: Db, organizerId: string, today: string): Promise<PoolUse[]> {
	const pools = await db
		.select({ pool: appLicencePools, toolName: appTools.name })
		.from(appLicencePools)
		.innerJoin(appTools, eq(appTools.id, appLicencePools.toolId))
		.where(eq(appLicencePools.organizerId, organizerId))
		.orderBy(asc(appLicencePools.validTo), asc(appTools.nameKey));
	const usage = await db.select().from(appLicenceUsage).where(eq(appLicenceUsage.organizerId, organizerId));
	const unitRows = await db
		.select({ id: units.id, name: units.name })
		.from(units)
		.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	const held = await db
		.select({ poolId: appLicenceAssignments.poolId, unitId: appLicenceAssignments.unitId, used: appLicenceAssignments.used })
		.from(appLicenceAssignments)
		.where(and(eq(appLicenceAssignments.organizerId, organizerId), isNull(appLicenceAssignments.endedAt)));
	const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
	const ownPool = new Set(pools.filter((p) => p.pool.unitId).map((p) => `${p.pool.toolId}|${p.pool.unitId}`));
	const soon = addDays(today, RENEWAL_WITHIN_DAYS);
	return pools.map(({ pool, toolName }) => {
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
}

describe('licence use summed in SQL (decision 072)', () => {
	it('gives the same pools, figures and unit lists as the count in Node: unit, central and per-user pools over several periods', async () => {
		const org = await buildOrganizer(t.db);
		const names = ['Åsens skola', 'Ekbackens skola', 'Ängsskolan', 'Alfaskolan', 'Östra skolan'];
		const us = [];
		for (const name of names) us.push(await buildUnit(t.db, { organizerId: org.id, name }));
		const admin = await buildPerson(t.db);
		const [a, b] = [await buildTool(t.db, { organizerId: org.id, name: 'Matteresan' }), await buildTool(t.db, { organizerId: org.id })];
		const pool = (o: { toolId: string; unitId?: string; seats: number; validFrom: string; validTo: string; priceSek?: number | null }) =>
			t.db
				.insert(appLicencePools)
				.values({ organizerId: org.id, priceSek: 30000, ...o })
				.returning()
				.then((r) => r[0]);
		// Tool a: a central pool per school year and one unit's own pool; tool b: a per-user central pool and a pool with no use.
		await pool({ toolId: a.id, seats: 400, validFrom: '2025-07-01', validTo: '2026-06-30' });
		await pool({ toolId: a.id, seats: 500, validFrom: '2026-07-01', validTo: '2027-06-30', priceSek: null });
		await pool({ toolId: a.id, unitId: us[1].id, seats: 100, validFrom: '2026-01-01', validTo: '2027-01-31' });
		const perUser = await pool({ toolId: b.id, seats: 50, validFrom: '2026-08-01', validTo: '2027-02-28' });
		await pool({ toolId: b.id, unitId: us[2].id, seats: 20, validFrom: '2024-08-01', validTo: '2025-06-30' });
		// Usage per unit and term, over and beyond the pools, for both tools (tool b's per-user pool must ignore them).
		const terms = [
			['2025-08-01', '2025-12-31'],
			['2026-01-01', '2026-06-30'],
			['2026-08-01', '2026-12-31'],
			['2027-08-01', '2027-12-31']
		];
		let k = 0;
		for (const tool of [a, b])
			for (const u of us)
				for (const [periodFrom, periodTo] of terms) {
					k++;
					await t.db.insert(appLicenceUsage).values({
						organizerId: org.id,
						toolId: tool.id,
						unitId: u.id,
						periodFrom,
						periodTo,
						assigned: 10 + ((k * 7) % 40),
						used: (k * 5) % 30,
						importedBy: admin.id
					});
				}
		// The per-user pool: held, used, unused, not yet reported, and one given back (not counted).
		const holders = [];
		for (let i = 0; i < 7; i++) holders.push(await buildPerson(t.db));
		const usedOf = [true, true, false, null, false, true, true];
		for (let i = 0; i < 7; i++)
			await t.db.insert(appLicenceAssignments).values({
				organizerId: org.id,
				poolId: perUser.id,
				personId: holders[i].id,
				unitId: us[i % 3].id,
				validFrom: '2026-08-01',
				used: usedOf[i],
				assignedBy: admin.id,
				endedAt: i === 6 ? new Date() : null
			});

		for (const today of ['2025-09-01', '2026-12-03', '2027-06-01']) {
			const inSql = await computePoolUse(t.db, org.id, today);
			expect(inSql).toEqual(await poolUseInNode(t.db, org.id, today));
			expect(inSql).toHaveLength(5);
		}
		const now = await computePoolUse(t.db, org.id, '2026-12-03');
		const held = now.find((p) => p.id === perUser.id)!;
		expect(held).toMatchObject({ perUser: true, assigned: 6, used: 3, unusedAssigned: 2 });
		expect(now.find((p) => p.unitName === null && p.seats === 400)!.units.map((u) => u.name)).toEqual([
			'Alfaskolan',
			'Åsens skola',
			'Ängsskolan',
			'Östra skolan'
		]);
	});
});
