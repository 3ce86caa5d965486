import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningCycles } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { authorize, type Actor } from '../../policies';
import { getCycle } from './get-cycle';
import { analysisSchema, type AnalysisInput } from './cycle-input';
import { parseOrThrow } from '../../errors';

/** Analysera: saves strengths, development needs and consequences for the students. Audited (before/after). */
export async function saveCycleAnalysis(db: Db, opts: { actor: Actor; organizerId: string; cycleId: string; input: AnalysisInput }) {
	const input = parseOrThrow(analysisSchema, opts.input, 'analysis');
	return db.transaction(async (tx) => {
		const cycle = await getCycle(tx, { ...opts, lock: true });
		authorize(opts.actor, 'cycle.write', cycle.resource);
		const changes = diffFields(cycle, { ...cycle, ...input }, ['strengths', 'needs', 'consequences']);
		if (!Object.keys(changes).length) return { changed: 0 };
		await tx
			.update(planningCycles)
			.set({ ...input, updatedAt: new Date() })
			.where(eq(planningCycles.id, cycle.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'cycle.analyse',
			entityType: 'planning_cycle',
			entityId: cycle.id,
			changes
		});
		return { changed: Object.keys(changes).length };
	});
}
