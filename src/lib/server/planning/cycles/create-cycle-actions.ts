import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningCycleEntries } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, isAppError, type FieldIssue } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { createAction } from '../create-action';
import { getCycle } from './get-cycle';
import { entryField, parseEntries, type EntryInput } from './cycle-input';
import type { Area } from './questions';
import { entrySummary, writeCycleEntries } from './write-cycle-entries';

/** Where an action form's field sits in an Agera entry. */
const FIELD_OF: Record<string, string> = {
	title: 'what',
	how: 'how',
	dueOn: 'dueOn',
	responsibleId: 'responsibleId',
	followUp: 'followUp',
	effect: 'effect'
};

/**
 * "Skapa aktiviteter": saves the Agera table and turns every filled entry that is not an action yet into an
 * action of the cycle's scope's plan (this läsår) through createAction, each linked back to its entry.
 * All or nothing: one bad entry (no responsible person, a bad date) leaves everything unwritten and
 * says so beside that entry's field. Takes `plan.write` for the scope besides writing in the cycle.
 */
export async function createCycleActions(
	db: Db,
	opts: { actor: Actor; organizerId: string; cycleId: string; rows: Partial<Record<Area, EntryInput[]>> }
) {
	const entries = parseEntries(opts.rows);
	return db.transaction(async (tx) => {
		const cycle = await getCycle(tx, { ...opts, lock: true });
		authorize(opts.actor, 'cycle.write', cycle.resource);
		if (!cycle.canPlan) throw new AppError('INVALID', 'act', [{ field: 'form', message: 'cycles_error_cannot_plan' }]);
		const written = await writeCycleEntries(tx, { ...opts, entries });
		if (!written.length) throw new AppError('INVALID', 'act', [{ field: 'form', message: 'cycles_error_nothing_to_act' }]);
		const issues: FieldIssue[] = [];
		const actionIds: string[] = [];
		for (const { row, from } of written) {
			const input = {
				scope: cycle.unitId ?? 'organizer',
				title: row.what,
				how: row.how,
				dueOn: row.dueOn ?? '',
				responsibleId: row.responsibleId ?? '',
				followUp: row.followUp,
				effect: row.effect
			};
			try {
				const action = await createAction(tx, { actor: opts.actor, organizerId: opts.organizerId, input });
				await tx.update(planningCycleEntries).set({ actionId: action.id }).where(eq(planningCycleEntries.id, row.id));
				actionIds.push(action.id);
			} catch (e) {
				if (!isAppError(e) || e.code !== 'INVALID') throw e;
				for (const i of e.issues)
					issues.push({ field: FIELD_OF[i.field] ? entryField(from.area, from.index, FIELD_OF[i.field]) : 'form', message: i.message });
			}
		}
		// Throwing inside the transaction undoes every action made above: all or nothing.
		if (issues.length) throw new AppError('INVALID', 'act', issues);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'cycle.act',
			entityType: 'planning_cycle',
			entityId: cycle.id,
			changes: { entries: [null, entrySummary(entries)], actionIds: [null, actionIds] }
		});
		return { actionIds };
	});
}
