import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActions } from '../db/schema';
import { diffFields, recordAudit } from '../audit/record-audit';
import { authorize, type Actor } from '../policies';
import { actionColumns, parseAction, type ActionInput } from './action-input';
import { checkActionRefs } from './check-action-refs';
import { ensurePlan } from './ensure-plan';
import { getAction } from './get-action';
import { linkValue } from './framework-links';
import { loadActionRefs } from './load-action-refs';
import { writeActionRefs } from './write-action-refs';

const FIELDS = [
	'planId',
	'title',
	'how',
	'startsOn',
	'dueOn',
	'responsibleId',
	'followUp',
	'effect',
	'hours',
	'moneySek',
	'supportCategoryId',
	'goalId',
	'courseId',
	'participantIds',
	'links'
] as const;

/**
 * Changes an action; those who write its plan may. A new scope moves it to that scope's plan for the same
 * läsår (made on first use), and must be one the actor may plan for. The same checks as creating apply.
 * Audited with before and after of what changed; nothing is written when nothing changed.
 */
export async function updateAction(db: Db, opts: { actor: Actor; organizerId: string; actionId: string; input: ActionInput }) {
	const current = await getAction(db, opts);
	authorize(opts.actor, 'plan.write', current.resource);
	const input = parseAction(opts.input);
	const { resource, links, participantIds } = await checkActionRefs(db, { ...opts, input });

	return db.transaction(async (tx) => {
		const { action: before, plan } = await getAction(tx, { ...opts, lock: true });
		const target =
			resource.unitId === plan.unitId
				? plan
				: await ensurePlan(tx, { actor: opts.actor, organizerId: opts.organizerId, unitId: resource.unitId, period: plan.period });
		const columns = { ...actionColumns(input), planId: target.id };
		const refs = { participantIds: [...participantIds].sort(), links: links.map(linkValue).sort() };
		const changes = diffFields({ ...before, ...(await loadActionRefs(tx, before.id)) }, { ...before, ...columns, ...refs }, [...FIELDS]);
		if (!Object.keys(changes).length) return { row: before, changed: false };
		const [row] = await tx
			.update(planningActions)
			.set({ ...columns, updatedAt: new Date() })
			.where(eq(planningActions.id, before.id))
			.returning();
		await writeActionRefs(tx, { organizerId: opts.organizerId, actionId: row.id, participantIds, links });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'action.update',
			entityType: 'planning_action',
			entityId: row.id,
			changes
		});
		return { row, changed: true };
	});
}
