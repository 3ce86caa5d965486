import type { Db } from '../db';
import { appLicenceAssignments, appLicencePools } from '../db/schema';
import type { DemoOrganizer } from './build-demo-organizer';

/**
 * Licences held by people (the BOL shape, decision 057): Skärminspelaren bought for 40 teachers at Solbackaskolan, 30
 * of its staff holding one and the vendor's last usage file saying 23 of them used it — so the licence page counts the
 * pool from its holders ("Räknat på tilldelade personer") and flags the seven unused ones before renewal. The
 * Matteresan pools keep their per-unit figures (the badly used licence: Solbackaskolan 12 of 200).
 */
export async function buildDemoLicenceHolders(
	tx: Db,
	demo: DemoOrganizer,
	opts: { toolId: string | undefined; day: (offset: number) => string; assignedBy: string; now?: Date }
): Promise<number> {
	const unitId = demo.units.solbacka;
	if (!opts.toolId || !unitId) return 0;
	const holders = demo.people.staff.filter((p) => p.unitKey === 'solbacka').slice(0, 30);
	const validFrom = opts.day(-100);
	const [pool] = await tx
		.insert(appLicencePools)
		.values({ organizerId: demo.organizerId, toolId: opts.toolId, unitId, seats: 40, validFrom, validTo: opts.day(75), priceSek: 16000 })
		.returning({ id: appLicencePools.id });
	const reportedAt = new Date((opts.now ?? new Date()).getTime() - 5 * 86_400_000);
	if (holders.length)
		await tx.insert(appLicenceAssignments).values(
			holders.map((p, i) => ({
				organizerId: demo.organizerId,
				poolId: pool.id,
				personId: p.id,
				unitId,
				validFrom,
				used: i % 4 !== 3,
				usageReportedAt: reportedAt,
				assignedBy: opts.assignedBy
			}))
		);
	return holders.length;
}
