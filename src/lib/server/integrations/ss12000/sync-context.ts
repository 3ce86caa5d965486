import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { auditEvents, ss12000Links, type Ss12000Counts, type Ss12000EntityError, type Ss12000Examples } from '../../db/schema';

/** What one sync run carries from page to page. */
export type SyncContext = {
	organizerId: string;
	/** Marks the links this sync saw (Ss12000Resume.syncId). */
	syncId: string;
	mode: 'full' | 'delta';
	/** Today in Stockholm (YYYY-MM-DD): duties ending before it are ended. */
	today: string;
	/** The day before today: what an assignment's end becomes when its duty or person is gone. */
	yesterday: string;
	roleMap: Record<string, string>;
	syncGroups: boolean;
	counts: Ss12000Counts;
	errors: Ss12000EntityError[];
	errorCount: number;
	examples: Ss12000Examples;
	/** Deltas: persons whose link was gone and whom the source lists again (Ss12000Resume.returning). */
	returning: string[];
};

export const MAX_KEPT_ERRORS = 200;
const MAX_EXAMPLES = 5;

export const emptyCounts = (): Ss12000Counts => ({ created: 0, updated: 0, ended: 0, deactivated: 0, unchanged: 0, skipped: 0 });

/** Counts a change and keeps a few examples of it (the dry run's diff). */
export function note(ctx: SyncContext, kind: keyof Ss12000Counts, example?: string, by = 1) {
	ctx.counts[kind] += by;
	if (example === undefined || kind === 'unchanged') return;
	const list = (ctx.examples[kind] ??= []);
	if (list.length < MAX_EXAMPLES) list.push(example);
}

/** Records an entity the sync could not take, with the source's id and a message key (ss12000_problem_…). */
export function entityError(ctx: SyncContext, entity: string, sourceId: string, key: string, params?: Record<string, string>) {
	ctx.errorCount++;
	if (ctx.errors.length < MAX_KEPT_ERRORS) ctx.errors.push({ entity, sourceId, key, ...(params ? { params } : {}) });
}

/** Upserts links (source id → local id) in one statement, marking them seen by this sync. */
export async function upsertLinks(
	tx: Db,
	ctx: SyncContext,
	entity: string,
	rows: { sourceId: string; localId: string | null; label?: string | null }[]
) {
	if (rows.length === 0) return;
	await tx
		.insert(ss12000Links)
		.values(
			rows.map((r) => ({
				organizerId: ctx.organizerId,
				entity,
				sourceId: r.sourceId,
				localId: r.localId,
				label: r.label ?? null,
				seenSyncId: ctx.syncId,
				goneAt: null,
				updatedAt: new Date()
			}))
		)
		.onConflictDoUpdate({
			target: [ss12000Links.organizerId, ss12000Links.entity, ss12000Links.sourceId],
			set: {
				localId: sql`excluded.local_id`,
				label: sql`excluded.label`,
				seenSyncId: sql`excluded.seen_sync_id`,
				goneAt: null,
				updatedAt: sql`excluded.updated_at`
			}
		});
}

/** Writes audit events in one statement; the actor is the sync (null), the source id goes in the changes. */
export async function auditMany(
	tx: Db,
	ctx: SyncContext,
	events: { action: string; entityType: string; entityId: string; changes: Record<string, unknown> }[]
) {
	for (let i = 0; i < events.length; i += 2000) {
		await tx.insert(auditEvents).values(
			events.slice(i, i + 2000).map((e) => ({
				organizerId: ctx.organizerId,
				actorId: null,
				action: e.action,
				entityType: e.entityType,
				entityId: e.entityId,
				changes: { ...e.changes, via: 'ss12000' }
			}))
		);
	}
}

/** Splits a list into chunks (bounds the parameters of one statement). */
export function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}
