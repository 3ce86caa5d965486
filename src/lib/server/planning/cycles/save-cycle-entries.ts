import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { authorize, type Actor } from '../../policies';
import { getCycle } from './get-cycle';
import { parseEntries, type EntryInput } from './cycle-input';
import type { Area } from './questions';
import { entrySummary, writeCycleEntries } from './write-cycle-entries';

/** Agera: saves the plan table as a draft (entries not yet actions); empty entries are dropped. Audited. */
export async function saveCycleEntries(
	db: Db,
	opts: { actor: Actor; organizerId: string; cycleId: string; rows: Partial<Record<Area, EntryInput[]>> }
) {
	const entries = parseEntries(opts.rows);
	return db.transaction(async (tx) => {
		const cycle = await getCycle(tx, { ...opts, lock: true });
		authorize(opts.actor, 'cycle.write', cycle.resource);
		await writeCycleEntries(tx, { ...opts, entries });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'cycle.plan',
			entityType: 'planning_cycle',
			entityId: cycle.id,
			changes: { entries: [null, entrySummary(entries)] }
		});
		return { count: entries.length };
	});
}
