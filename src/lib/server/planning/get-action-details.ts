import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { supportCategories, units } from '../db/schema';
import { shownNamesById } from '../support/privacy/shown-names';
import { AppError } from '../errors';
import { can, type Actor } from '../policies';
import { localize } from '../assessment/consensus/localize';
import { getAction } from './get-action';
import { loadActionRefs } from './load-action-refs';
import { loadLinkOptions } from './framework-links';
import { findActionHistory } from './find-action-history';
import { scopeKey } from './plan-scopes';
import { goalTitlesById } from './vision/goal-options';
import { getCourseFollowUp } from '../competence/courses/get-course-follow-up';

/**
 * One action as its page shows it, for someone who reads its plan or is responsible for it (FORBIDDEN
 * otherwise): names instead of ids, links with their sub-goal or item texts, its history, what the
 * actor may do with it, and — for an action that holds a catalog course — how that course went for the
 * plan's scope (getCourseFollowUp, decision 066).
 */
export async function getActionDetails(db: Db, opts: { actor: Actor; organizerId: string; actionId: string; locale: string }) {
	const { action, plan, resource } = await getAction(db, opts);
	const canStatus = can(opts.actor, 'action.status', resource);
	if (!can(opts.actor, 'plan.view', resource) && !canStatus) throw new AppError('FORBIDDEN', 'action');
	const refs = await loadActionRefs(db, action.id);
	const ids = [action.responsibleId, ...refs.participantIds];
	const [unit, category, options, history, goals] = await Promise.all([
		plan.unitId ? db.select({ name: units.name }).from(units).where(eq(units.id, plan.unitId)) : Promise.resolve([]),
		action.supportCategoryId
			? db.select({ name: supportCategories.name }).from(supportCategories).where(eq(supportCategories.id, action.supportCategoryId))
			: Promise.resolve([]),
		loadLinkOptions(db, opts.organizerId),
		findActionHistory(db, action.id),
		goalTitlesById(db, opts.organizerId, [action.goalId])
	]);
	// A protected identity is a pseudonym for everyone but organization administrators (decision 015).
	const nameOf = await shownNamesById(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		personIds: [...ids, ...history.map((h) => h.actorId)],
		via: 'planning'
	});
	const linkTitle = (value: string) => {
		const o = options.items.get(value) ?? options.subGoals.find((s) => s.value === value);
		return o
			? {
					subGoalId: o.subGoalId,
					framework: localize(o.frameworkTitle, opts.locale),
					title: localize(o.title, opts.locale),
					isItem: !!o.itemKey
				}
			: null;
	};
	const linkedSubGoals = refs.links.flatMap((v) => {
		const l = linkTitle(v);
		return l ? [l.subGoalId] : [];
	});
	const course = action.courseId
		? await getCourseFollowUp(db, {
				actor: opts.actor,
				organizerId: opts.organizerId,
				courseId: action.courseId,
				unitId: plan.unitId,
				since: action.startsOn ? new Date(`${action.startsOn}T00:00:00Z`) : action.createdAt,
				subGoalIds: linkedSubGoals
			})
		: null;
	return {
		course,
		action: {
			id: action.id,
			title: action.title,
			how: action.how,
			startsOn: action.startsOn,
			dueOn: action.dueOn,
			status: action.status,
			followUp: action.followUp,
			effect: action.effect,
			hours: action.hours,
			moneySek: action.moneySek,
			responsibleName: nameOf.get(action.responsibleId) ?? '',
			participantNames: refs.participantIds.map((id) => nameOf.get(id) ?? ''),
			categoryName: category[0]?.name ?? null,
			goalTitle: action.goalId ? (goals.get(action.goalId) ?? null) : null,
			links: refs.links.flatMap((v) => {
				const l = linkTitle(v);
				return l ? [{ value: v, ...l }] : [];
			})
		},
		/** What the edit form starts from. */
		values: {
			scope: scopeKey(plan.unitId),
			title: action.title,
			how: action.how,
			startsOn: action.startsOn ?? '',
			dueOn: action.dueOn ?? '',
			responsibleId: action.responsibleId,
			followUp: action.followUp,
			effect: action.effect,
			hours: action.hours === null ? '' : String(action.hours),
			moneySek: action.moneySek === null ? '' : String(action.moneySek),
			supportCategoryId: action.supportCategoryId ?? '',
			goalId: action.goalId ?? '',
			courseId: action.courseId ?? ''
		},
		participantIds: refs.participantIds,
		links: refs.links,
		plan: { id: plan.id, period: plan.period, unitName: unit[0]?.name ?? null, canView: can(opts.actor, 'plan.view', resource) },
		history: history.map(({ actorId, ...h }) => ({ ...h, actorName: actorId ? (nameOf.get(actorId) ?? null) : null })),
		canStatus,
		canEdit: can(opts.actor, 'plan.write', resource)
	};
}
