import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schoolRegisterUnits } from '../../db/schema';
import type { RegisterUnit } from './client';

/** Keeps the register's view of the units (status, addresses) for the page: one upsert for all of them. */
export async function saveRegisterUnits(tx: Db, organizerId: string, list: RegisterUnit[], now: Date) {
	if (!list.length) return;
	await tx
		.insert(schoolRegisterUnits)
		.values(
			list.map((u) => ({
				organizerId,
				schoolUnitCode: u.schoolUnitCode,
				name: u.name,
				status: u.status,
				schoolTypes: u.schoolTypes,
				addresses: u.addresses,
				municipalityCode: u.municipalityCode,
				fetchedAt: now
			}))
		)
		.onConflictDoUpdate({
			target: [schoolRegisterUnits.organizerId, schoolRegisterUnits.schoolUnitCode],
			set: {
				name: sql`excluded.name`,
				status: sql`excluded.status`,
				schoolTypes: sql`excluded.school_types`,
				addresses: sql`excluded.addresses`,
				municipalityCode: sql`excluded.municipality_code`,
				fetchedAt: sql`excluded.fetched_at`
			}
		});
}
