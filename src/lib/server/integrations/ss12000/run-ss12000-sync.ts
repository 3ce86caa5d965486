import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs, ss12000Runs, type Ss12000Resume } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { AppError } from '../../errors';
import { Ss12000Error, type Ss12000Client } from './client';
import { clientForConfig } from './config-client';
import { PHASES, phasesOf, queryOf } from './sync-phases';
import { retireLinks, unseenLinks } from './retire-links';
import { rereadReturningDuties } from './reread-returning-duties';
import { emptyCounts, type SyncContext } from './sync-context';
import { queueWebhookEvent } from '../webhooks/queue-webhook-event';

/** How far back a delta reaches before the last sync's start, for changes stamped late by the source (decision 051). */
export const DELTA_OVERLAP_MS = 5 * 60_000;
/** A run older than this still marked running is taken to have died (a crashed process). */
const STALE_RUN_MS = 30 * 60_000;

export type SyncMode = 'auto' | 'full' | 'delta' | 'dry_run';
export type SyncOptions = {
	organizerId: string;
	mode?: SyncMode;
	requestedBy?: string | null;
	now?: Date;
	/** Tests and the bench: entities per page and the per-request timeout. */
	limit?: number;
	timeoutMs?: number;
	client?: Ss12000Client;
};

class DryRunDone extends Error {}

/**
 * Syncs an organizer from its SS 12000 server (issue 16, decision 051): organisations → persons → duties (→ groups),
 * then, for a delta, /deletedEntities. `auto` makes the first sync full and the later ones deltas, and continues an
 * unfinished sync from its resume point. Each page is fetched (the next one while this one is written), parsed
 * whole, and applied in its own transaction together with the resume point, so a page that fails to arrive or
 * parse leaves nothing half-written and the next run starts at that page. A full sync ends by retiring what it did
 * not see. `dry_run` does the same inside one transaction that is rolled back, and records only the run's counts and
 * examples. Returns the run row; a failure is recorded on it rather than thrown.
 */
export async function runSs12000Sync(db: Db, options: SyncOptions) {
	const now = options.now ?? new Date();
	const [config] = await db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, options.organizerId));
	if (!config) throw new AppError('NOT_FOUND', 'ss12000 config');
	const [busy] = await db
		.select({ id: ss12000Runs.id })
		.from(ss12000Runs)
		.where(
			and(
				eq(ss12000Runs.organizerId, options.organizerId),
				eq(ss12000Runs.status, 'running'),
				gt(ss12000Runs.startedAt, new Date(now.getTime() - STALE_RUN_MS))
			)
		);
	if (busy) throw new AppError('CONFLICT', 'a sync is running', [{ field: 'sync', message: 'ss12000_error_running' }]);

	const dry = options.mode === 'dry_run';
	const requested = options.mode ?? 'auto';
	let resume: Ss12000Resume;
	let resumed = false;
	if (!dry && config.resume && requested !== 'full') {
		resume = config.resume;
		resumed = true;
	} else {
		const mode = requested === 'full' || !config.syncedUntil ? 'full' : 'delta';
		resume = {
			syncId: randomUUID(),
			mode,
			phase: 'organisations',
			pageToken: null,
			startedAt: now.toISOString(),
			since: mode === 'delta' ? new Date(config.syncedUntil!.getTime() - DELTA_OVERLAP_MS).toISOString() : null
		};
	}
	const today = todayInStockholm(now);
	const ctx: SyncContext = {
		organizerId: options.organizerId,
		syncId: resume.syncId,
		mode: resume.mode,
		today,
		yesterday: todayInStockholm(new Date(new Date(`${today}T12:00:00Z`).getTime() - 86_400_000)),
		roleMap: config.roleMap,
		syncGroups: config.syncGroups,
		counts: emptyCounts(),
		errors: [],
		errorCount: 0,
		examples: {},
		returning: [...(resume.returning ?? [])]
	};
	const [run] = await db
		.insert(ss12000Runs)
		.values({
			organizerId: options.organizerId,
			mode: dry ? 'dry_run' : resume.mode,
			resumed,
			startedAt: now,
			counts: ctx.counts,
			requestedBy: options.requestedBy ?? null
		})
		.returning();

	const progress = (tx: Db) =>
		tx
			.update(ss12000Runs)
			.set({ counts: ctx.counts, errors: ctx.errors, errorCount: ctx.errorCount, examples: ctx.examples })
			.where(eq(ss12000Runs.id, run.id));

	async function pipeline(db: Db, client: Ss12000Client) {
		const phases = phasesOf(resume.mode, config.syncGroups);
		for (let i = phases.indexOf(resume.phase); i < phases.length; i++) {
			const name = phases[i];
			if (name === 'finish') {
				await db.transaction(async (tx) => {
					if (resume.mode === 'full') {
						await retireLinks(tx, ctx, 'duty', await unseenLinks(tx, ctx, 'duty'));
						await retireLinks(tx, ctx, 'person', await unseenLinks(tx, ctx, 'person'));
					}
					await tx
						.update(ss12000Configs)
						.set({ resume: null, syncedUntil: new Date(resume.startedAt), updatedAt: new Date() })
						.where(eq(ss12000Configs.organizerId, ctx.organizerId));
					await progress(tx);
				});
				break;
			}
			if (name === 'returning') {
				const nextPhase: Ss12000Resume = { ...resume, phase: phases[i + 1], pageToken: null, returning: [] };
				await rereadReturningDuties(db, ctx, client, async (tx, remaining) => {
					const point: Ss12000Resume = remaining.length ? { ...resume, phase: name, pageToken: null, returning: remaining } : nextPhase;
					if (!dry) await tx.update(ss12000Configs).set({ resume: point }).where(eq(ss12000Configs.organizerId, ctx.organizerId));
					await progress(tx);
				});
				resume = nextPhase;
				continue;
			}
			const phase = PHASES[name];
			const query = queryOf(name, resume);
			let next = client.page(phase.path, phase.schema, query, name === resume.phase ? resume.pageToken : null);
			for (;;) {
				const page = (await next) as { data: never; pageToken?: string | null };
				const after = page.pageToken ?? null;
				// Fetch the next page while this one is written; its failure surfaces when it is awaited.
				if (after) {
					next = client.page(phase.path, phase.schema, query, after);
					next.catch(() => {});
				}
				await db.transaction(async (tx) => {
					await phase.apply(tx, ctx, page.data);
					const point: Ss12000Resume = after
						? { ...resume, phase: name, pageToken: after, returning: [...ctx.returning] }
						: { ...resume, phase: phases[i + 1], pageToken: null, returning: [...ctx.returning] };
					if (!dry) await tx.update(ss12000Configs).set({ resume: point }).where(eq(ss12000Configs.organizerId, ctx.organizerId));
					await progress(tx);
					resume = point;
				});
				if (!after) break;
			}
		}
	}

	try {
		const client: Ss12000Client = options.client ?? clientForConfig(config, { limit: options.limit, timeoutMs: options.timeoutMs });
		if (dry) {
			await db
				.transaction(async (tx) => {
					await pipeline(tx, client);
					throw new DryRunDone();
				})
				.catch((e) => {
					if (!(e instanceof DryRunDone)) throw e;
				});
		} else await pipeline(db, client);
		return await finishRun(db, run.id, dry, {
			status: 'done',
			counts: ctx.counts,
			errors: ctx.errors,
			errorCount: ctx.errorCount,
			examples: ctx.examples
		});
	} catch (e) {
		const failure = e instanceof Ss12000Error ? e.message : `internal error: ${(e as Error)?.message ?? e}`;
		if (!(e instanceof Ss12000Error)) console.error('ss12000 sync failed', e);
		return finishRun(db, run.id, dry, {
			status: 'failed',
			failure,
			counts: ctx.counts,
			errors: ctx.errors,
			errorCount: ctx.errorCount,
			examples: ctx.examples
		});
	}
}

/**
 * Writes how a run ended and, for a real sync (not a dry run), queues the `sync.finished` webhook event in the same
 * transaction: its mode, outcome and counts, never a person's data.
 */
async function finishRun(
	db: Db,
	runId: string,
	dry: boolean,
	end: Pick<typeof ss12000Runs.$inferInsert, 'status' | 'failure' | 'counts' | 'errors' | 'errorCount' | 'examples'>
) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(ss12000Runs)
			.set({ ...end, finishedAt: new Date() })
			.where(eq(ss12000Runs.id, runId))
			.returning();
		if (!dry)
			await queueWebhookEvent(tx, {
				organizerId: row.organizerId,
				type: 'sync.finished',
				data: { runId: row.id, mode: row.mode, status: row.status, counts: row.counts, errorCount: row.errorCount, failure: row.failure }
			});
		return row;
	});
}
