import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appLicencePools } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';

/** One of the organizer's licence pools, locked for the transaction when `lock`; NOT_FOUND otherwise. */
export async function licencePoolRow(db: Db, organizerId: string, poolId: string, lock = false) {
	if (!isUuid(poolId)) throw new AppError('NOT_FOUND', 'no such pool');
	const q = db
		.select()
		.from(appLicencePools)
		.where(and(eq(appLicencePools.id, poolId), eq(appLicencePools.organizerId, organizerId)));
	const [pool] = lock ? await q.for('update') : await q;
	if (!pool) throw new AppError('NOT_FOUND', 'no such pool');
	return pool;
}
