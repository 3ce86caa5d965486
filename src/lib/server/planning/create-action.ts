import type { Db } from '../db';
import { planningActionEvents, planningActions } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { actionColumns, parseAction, type ActionInput } from './action-input';
import { checkActionRefs } from './check-action-refs';
import { linkValue } from './framework-links';
import { ensurePlan } from './ensure-plan';
import { writeActionRefs } from './write-action-refs';
import { isPeriod, periodOf } from './period';

/**
 * Adds an action to the plan of its scope (the organizer or a unit) for a läsår, making the plan on first
 * use. Bad input, a scope the actor may not plan for, a responsible person or participant who is not an
 * active member, or a link outside the organizer's framework: INVALID beside the field, nothing written.
 * The action starts as planned; its creation is the first entry of its history. Audited.
 */
export async function createAction(db: Db, opts: { actor: Actor; organizerId: string; period?: string; input: ActionInput }) {
	authorize(opts.actor, 'planning.view', { type: 'organizer', organizerId: opts.organizerId });
	const period = opts.period ?? periodOf();
	if (!isPeriod(period)) throw new AppError('INVALID', 'period', [{ field: 'period', message: 'planning_error_period' }]);
	const input = parseAction(opts.input);
	const { resource, links, participantIds } = await checkActionRefs(db, { ...opts, input });

	return db.transaction(async (tx) => {
		const plan = await ensurePlan(tx, { actor: opts.actor, organizerId: opts.organizerId, unitId: resource.unitId, period });
		const columns = actionColumns(input);
		const [row] = await tx
			.insert(planningActions)
			.values({ ...columns, organizerId: opts.organizerId, planId: plan.id, status: 'planned', createdBy: opts.actor.personId })
			.returning();
		await writeActionRefs(tx, { organizerId: opts.organizerId, actionId: row.id, participantIds, links });
		await tx
			.insert(planningActionEvents)
			.values({ organizerId: opts.organizerId, actionId: row.id, fromStatus: null, toStatus: 'planned', actorId: opts.actor.personId });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'action.create',
			entityType: 'planning_action',
			entityId: row.id,
			changes: {
				...Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, [null, v]])),
				planId: [null, plan.id],
				participantIds: [null, participantIds],
				links: [null, links.map(linkValue)]
			}
		});
		return row;
	});
}
