import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningCycleEntries } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { entryField, type ParsedEntry } from './cycle-input';
import { loadGroupOptions } from './load-group-options';

/**
 * Replaces a cycle's Agera entries that are not actions yet with these (entries already made into actions
 * stay as they are). A responsible person must be one of the organizer's people (INVALID beside the field).
 * Call inside the writing transaction; returns the new rows with the form position each came from.
 */
export async function writeCycleEntries(tx: Db, opts: { actor: Actor; organizerId: string; cycleId: string; entries: ParsedEntry[] }) {
	const people = new Set((await loadGroupOptions(tx, opts)).map((p) => p.id));
	const bad = opts.entries.filter((e) => e.responsibleId && !people.has(e.responsibleId));
	if (bad.length)
		throw new AppError(
			'INVALID',
			'entries',
			bad.map((e) => ({ field: entryField(e.area, e.index, 'responsibleId'), message: 'planning_error_responsible_member' }))
		);
	await tx.delete(planningCycleEntries).where(and(eq(planningCycleEntries.cycleId, opts.cycleId), isNull(planningCycleEntries.actionId)));
	if (!opts.entries.length) return [];
	const rows = await tx
		.insert(planningCycleEntries)
		.values(
			opts.entries.map((e) => ({
				cycleId: opts.cycleId,
				organizerId: opts.organizerId,
				area: e.area,
				position: e.index,
				what: e.what,
				how: e.how,
				dueOn: e.dueOn || null,
				responsibleId: e.responsibleId || null,
				followUp: e.followUp,
				effect: e.effect
			}))
		)
		.returning();
	return rows.map((row, i) => ({ row, from: opts.entries[i] }));
}

/** The entries as the audit log keeps them. */
export const entrySummary = (entries: ParsedEntry[]) =>
	entries.map((e) => ({ area: e.area, what: e.what, dueOn: e.dueOn || null, responsibleId: e.responsibleId || null }));
