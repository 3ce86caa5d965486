import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningActions, planningCycleAnswers, planningCycleEntries } from '../../db/schema';
import type { Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { getCycle } from './get-cycle';
import { loadRolesOf } from './load-group-options';

/** The actions a cycle's Agera entries became, with status and the responsible person's shown name. */
async function cycleActions(db: Db, organizerId: string, cycleId: string) {
	return db
		.select({
			id: planningActions.id,
			area: planningCycleEntries.area,
			title: planningActions.title,
			status: planningActions.status,
			dueOn: planningActions.dueOn,
			responsibleId: planningActions.responsibleId,
			planId: planningActions.planId
		})
		.from(planningCycleEntries)
		.innerJoin(planningActions, eq(planningActions.id, planningCycleEntries.actionId))
		.where(
			and(
				eq(planningCycleEntries.organizerId, organizerId),
				eq(planningCycleEntries.cycleId, cycleId),
				isNotNull(planningCycleEntries.actionId)
			)
		)
		.orderBy(asc(planningCycleEntries.area), asc(planningCycleEntries.position), asc(planningActions.title));
}

/**
 * Everything a cycle's pages show: the cycle (authorized by getCycle), its working group with each one's
 * roles, the Undersök notes, the Agera entries still drafts, the actions the cycle made and those of the
 * scope's previous cycle with their status now. People are named as the actor may see them (a protected
 * identity is a pseudonym).
 */
export async function getCycleDetails(db: Db, opts: { actor: Actor; organizerId: string; cycleId: string }) {
	const cycle = await getCycle(db, opts);
	const [answers, drafts, actions, previousActions, roles] = await Promise.all([
		db
			.select({ key: planningCycleAnswers.questionKey, note: planningCycleAnswers.note })
			.from(planningCycleAnswers)
			.where(eq(planningCycleAnswers.cycleId, cycle.id)),
		db
			.select()
			.from(planningCycleEntries)
			.where(and(eq(planningCycleEntries.cycleId, cycle.id), eq(planningCycleEntries.organizerId, opts.organizerId)))
			.orderBy(asc(planningCycleEntries.position), asc(planningCycleEntries.createdAt)),
		cycleActions(db, opts.organizerId, cycle.id),
		cycle.previousId ? cycleActions(db, opts.organizerId, cycle.previousId) : Promise.resolve([]),
		loadRolesOf(db, opts.organizerId, cycle.memberIds)
	]);
	const personIds = [...cycle.memberIds, ...actions.map((a) => a.responsibleId), ...previousActions.map((a) => a.responsibleId)];
	const names = await shownNamesById(db, { actor: opts.actor, organizerId: opts.organizerId, personIds, via: 'planning' });
	const named = <T extends { responsibleId: string }>(list: T[]) =>
		list.map(({ responsibleId, ...a }) => ({ ...a, responsibleName: names.get(responsibleId) ?? '' }));
	const members = cycle.memberIds
		.map((id) => ({ id, name: names.get(id) ?? '', roles: roles.get(id) ?? [] }))
		.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
	return {
		cycle,
		members,
		answers: Object.fromEntries(answers.map((a) => [a.key, a.note])) as Record<string, string>,
		drafts: drafts.filter((d) => !d.actionId),
		actions: named(actions),
		previousActions: named(previousActions)
	};
}

export type CycleDetails = Awaited<ReturnType<typeof getCycleDetails>>;
