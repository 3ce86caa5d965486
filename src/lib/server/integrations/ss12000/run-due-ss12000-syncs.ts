import { and, desc, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs, ss12000Runs } from '../../db/schema';
import { logServerError } from '../../http/log-server-error';
import { runSs12000Sync, type SyncMode } from './run-ss12000-sync';
import { clientForConfig } from './config-client';
import { ensureSs12000Subscription } from './ensure-ss12000-subscription';

/** How often an organizer that has synced once is brought up to date by a delta. */
export const DELTA_EVERY_MS = 60 * 60_000;

/**
 * How long the job waits after a run that failed before it tries that organizer on its own again: 1, 2, 4 … minutes
 * for each failure in a row, at most an hour, so a server that is down is not asked every minute. A sync an
 * administrator asks for runs at once all the same.
 */
export function retryWaitMs(failedInARow: number): number {
	if (failedInARow <= 0) return 0;
	return Math.min(2 ** (failedInARow - 1), 60) * 60_000;
}

/** Whether the organizer's last runs failed recently enough that the job should wait (see retryWaitMs). */
async function backingOff(db: Db, organizerId: string, now: Date): Promise<boolean> {
	const recent = await db
		.select({ status: ss12000Runs.status, startedAt: ss12000Runs.startedAt, finishedAt: ss12000Runs.finishedAt })
		.from(ss12000Runs)
		.where(eq(ss12000Runs.organizerId, organizerId))
		.orderBy(desc(ss12000Runs.startedAt))
		.limit(8);
	const failed = recent.findIndex((r) => r.status !== 'failed');
	const inARow = failed === -1 ? recent.length : failed;
	if (inARow === 0) return false;
	const last = recent[0].finishedAt ?? recent[0].startedAt;
	return now.getTime() - last.getTime() < retryWaitMs(inARow);
}

/**
 * The job (pg-boss, every minute): first the syncs administrators asked for, then a delta (or the rest of an
 * unfinished sync) for every organizer whose last sync began more than an hour ago — after failures only once the
 * back-off has passed (retryWaitMs). An organizer that never synced waits for its administrator. One organizer at a
 * time; one organizer's failure does not stop the others. After a real sync that went well, the organizer's
 * subscription to the server's notifications is made or renewed (decision 051 addendum); `origin` is our public
 * address for them (tests give their local receiver's).
 */
export async function runDueSs12000Syncs(db: Db, now = new Date(), options: { origin?: string } = {}) {
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
	const retry = [];
	for (const d of due) if (!(await backingOff(db, d.organizerId, now))) retry.push({ ...d, mode: 'auto', by: null });
	const runs = [];
	for (const r of [...requested, ...retry]) {
		// Take the request first, so a failing sync is not asked for again every minute.
		await db.update(ss12000Configs).set({ requestedMode: null, requestedBy: null }).where(eq(ss12000Configs.organizerId, r.organizerId));
		try {
			const run = await runSs12000Sync(db, { organizerId: r.organizerId, mode: (r.mode ?? 'auto') as SyncMode, requestedBy: r.by });
			runs.push(run);
			if (run.status === 'done' && run.mode !== 'dry_run') {
				const [config] = await db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, r.organizerId));
				await ensureSs12000Subscription(db, { organizerId: r.organizerId, client: clientForConfig(config), now, origin: options.origin });
			}
		} catch (e) {
			logServerError(e, { context: `ss12000: sync of ${r.organizerId}` });
		}
	}
	return runs;
}
