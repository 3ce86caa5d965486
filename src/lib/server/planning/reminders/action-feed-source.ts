import { and, desc, eq, exists, inArray, isNotNull, ne, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { planningActionParticipants, planningActions, planningPlans, units } from '../../db/schema';
import { can, type PlanResource } from '../../policies';
import { loadAncestorIds } from '../../org/load-ancestor-ids';
import { actionLink } from './action-link';
import { actionStatusLabel, planLabel } from './action-labels';
import type { FeedSource } from './feed-source';

/** At most this many actions in one feed, the latest due dates first: a calendar needs no more. */
const LIMIT = 500;
const sv = { locale: 'sv' as const };

/**
 * The due dates of the actions a person is responsible for or takes part in, in their organizers, that they may
 * still open (they read the plan, or they answer for the action). Dropped actions are left out. Swedish text.
 */
export const actionFeedSource: FeedSource = {
	key: 'action',
	async findForPerson(db: Db, { actor, organizers }) {
		if (organizers.length === 0) return [];
		const slugOf = new Map(organizers.map((o) => [o.id, o.slug]));
		const me = actor.personId;
		const rows = await db
			.select({
				id: planningActions.id,
				organizerId: planningActions.organizerId,
				title: planningActions.title,
				dueOn: planningActions.dueOn,
				status: planningActions.status,
				responsibleId: planningActions.responsibleId,
				period: planningPlans.period,
				unitId: planningPlans.unitId,
				unitName: units.name
			})
			.from(planningActions)
			.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
			.leftJoin(units, eq(units.id, planningPlans.unitId))
			.where(
				and(
					inArray(planningActions.organizerId, [...slugOf.keys()]),
					isNotNull(planningActions.dueOn),
					ne(planningActions.status, 'dropped'),
					or(
						eq(planningActions.responsibleId, me),
						exists(
							db
								.select({ one: planningActionParticipants.personId })
								.from(planningActionParticipants)
								.where(and(eq(planningActionParticipants.actionId, planningActions.id), eq(planningActionParticipants.personId, me)))
						)
					)
				)
			)
			.orderBy(desc(planningActions.dueOn))
			.limit(LIMIT);
		const ancestors = new Map<string, Promise<string[]>>();
		const ancestorsOf = (organizerId: string, unitId: string) => {
			if (!ancestors.has(unitId)) ancestors.set(unitId, loadAncestorIds(db, organizerId, unitId));
			return ancestors.get(unitId)!;
		};
		const events = [];
		for (const r of rows) {
			const resource: PlanResource = {
				type: 'plan',
				organizerId: r.organizerId,
				unitId: r.unitId,
				ancestorIds: r.unitId ? await ancestorsOf(r.organizerId, r.unitId) : [],
				responsibleId: r.responsibleId
			};
			if (!can(actor, 'plan.view', resource) && !can(actor, 'action.status', resource)) continue;
			const role = r.responsibleId === me ? m.reminders_feed_responsible({}, sv) : m.reminders_feed_participant({}, sv);
			events.push({
				uid: `action-${r.id}@rodtrad`,
				day: r.dueOn!,
				summary: r.title,
				description: [
					m.reminders_feed_status({ status: actionStatusLabel(r.status, 'sv') }, sv),
					planLabel(r.unitName, r.period, 'sv'),
					role,
					actionLink(slugOf.get(r.organizerId)!, r.id)
				].join('\n'),
				url: actionLink(slugOf.get(r.organizerId)!, r.id)
			});
		}
		return events;
	}
};
