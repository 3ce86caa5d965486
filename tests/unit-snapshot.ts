import { asc, count } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';
import { auditEvents, units } from '../src/lib/server/db/schema';

/** Every unit and the number of audit events: compare before and after to prove nothing was written. */
export async function snapshotUnits(db: Db) {
	const rows = await db.select().from(units).orderBy(asc(units.id));
	const [audit] = await db.select({ n: count() }).from(auditEvents);
	return { units: rows, auditEvents: audit.n };
}
