import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs } from '../../db/schema';
import { logServerError } from '../../http/log-server-error';
import { runSs12000Sync, type SyncMode } from './run-ss12000-sync';

/** How often an organizer that has synced once is brought up to date by a delta. */
export const DELTA_EVERY_MS = 60 * 60_000;

/**
 * The job (pg-boss, every minute): first the syncs administrators asked for, then a delta (or the rest of an
 * unfinished sync) for every organizer whose last sync began more than an hour ago. An organizer that never synced
 * waits for its administrator. One organizer at a time; one organizer's failure does not stop the others.
 */
export async function runDueSs12000Syncs(db: Db, now = new Date()) {
	const requested = await db
		.select({ organizerId: ss12000Configs.organizerId, mode: ss12000Configs.requestedMode, by: ss12000Configs.requestedBy })
		.from(ss12000Configs)
		.where(isNotNull(ss12000Configs.requestedMode));
	const due = await db
		.select({ organizerId: ss12000Configs.organizerId })
		.from(ss12000Configs)
		.where(
			and(
				isNull(ss12000Configs.requestedMode),
				or(
					isNotNull(ss12000Configs.resume),
					and(isNotNull(ss12000Configs.syncedUntil), lt(ss12000Configs.syncedUntil, new Date(now.getTime() - DELTA_EVERY_MS)))
				)
			)
		);
	const runs = [];
	for (const r of [...requested, ...due.map((d) => ({ ...d, mode: 'auto', by: null }))]) {
		// Take the request first, so a failing sync is not asked for again every minute.
		await db.update(ss12000Configs).set({ requestedMode: null, requestedBy: null }).where(eq(ss12000Configs.organizerId, r.organizerId));
		try {
			runs.push(await runSs12000Sync(db, { organizerId: r.organizerId, mode: (r.mode ?? 'auto') as SyncMode, requestedBy: r.by }));
		} catch (e) {
			logServerError(e, { context: `ss12000: sync of ${r.organizerId}` });
		}
	}
	return runs;
}
