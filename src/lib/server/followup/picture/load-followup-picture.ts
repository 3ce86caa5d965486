import type { Db } from '../../db';
import { AppError } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { holds } from '../../policies/actor';
import { FOLLOWUP_READERS } from '../../policies/followup';
import { readTogether } from '../../db/read-together';
import { todayInStockholm } from '../../auth/load-actor';
import { loadUnitAccess } from '../../assessment/rounds/unit-access';
import { getFramework } from '../../assessment/framework/get-framework';
import { listFrameworks, newestVersions } from '../../assessment/framework/list-frameworks';
import type { Localized } from '../../assessment/framework/framework-schema';
import { loadPlanScopes } from '../../planning/plan-scopes';
import { periodOf } from '../../planning/period';
import { rollUpPlans, type RollUpRow } from '../../planning/roll-up-plans';
import { readRoundFigures } from '../../assessment/reports/round-figures/read-round-figures';
import type { RoundFigures } from '../../assessment/reports/round-figures/round-figures-of';
import { loadAssessmentTrend, type AssessmentTrend } from './load-assessment-trend';
import { findSubGoalActions, type SubGoalAction } from './find-sub-goal-actions';
import { findSubGoalIndicators, type SubGoalIndicator } from './find-sub-goal-indicators';
import { figureLoaders, SUB_GOAL_FIGURES, type FigureContext, type OperationalFigure } from './operational-figures';

/** The national strategy's framework: the picture follows its sub-goals. */
export const STRATEGY_FRAMEWORK = 'nationella-strategin';

export type PictureSubGoal = {
	id: string;
	title: Localized;
	/** The organizer's total and the unit's value per round (null: the reader does not read self-assessment results). */
	assessment: AssessmentTrend['subGoals'][string] | null;
	/** The plan roll-up's counts for the sub-goal (planning/roll-up-plans), its actions in the plans of the unit and those under it, and the actions by name. */
	plan: {
		counts: Pick<RollUpRow, 'byStatus' | 'total' | 'overdue' | 'organizerActions'> | null;
		unitActions: number | null;
		actions: SubGoalAction[];
		more: number;
	} | null;
	indicators: SubGoalIndicator[] | null;
	/** Null where no operational figure speaks to the sub-goal; figures the reader may not see are left out. */
	operations: OperationalFigure[] | null;
};

export type FollowupPicture = {
	organizerId: string;
	unit: { id: string; name: string } | null;
	period: { key: string; from: string; to: string };
	rounds: AssessmentTrend['rounds'];
	assessmentScope: AssessmentTrend['scope'] | null;
	subGoals: PictureSubGoal[];
};

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The sub-goals of the newest shipped version of the strategy's framework (the main goal '0' left out). */
export async function strategySubGoals(): Promise<{ id: string; title: Localized }[]> {
	const version = newestVersions(await listFrameworks()).get(STRATEGY_FRAMEWORK);
	if (!version) return [];
	const fw = await getFramework(STRATEGY_FRAMEWORK, version);
	return fw.areas.flatMap((a) => a.sub_goals.filter((sg) => sg.id !== '0').map((sg) => ({ id: sg.id, title: sg.title })));
}

/**
 * One picture per national sub-goal (issue 20, item 3): the self-assessment result and its trend, the plan's actions
 * and their status, the effect-chain indicators tied to it, and the operational figures that speak to it — for the
 * organizer or one unit (with the units under it) over a school year (`from` inclusive, `to` exclusive). Every figure
 * comes from the module that owns it, under that module's own rule and suppression: a part the reader may not see is
 * null. followup.view: organizer-wide readers for the organizer, a principal for their units and areas.
 */
export async function loadFollowupPicture(
	db: Db,
	opts: { actor: Actor; organizerId: string; unitId: string | null; from: string; to: string }
): Promise<FollowupPicture> {
	const { actor, organizerId, unitId } = opts;
	if (!(opts.from < opts.to)) throw new AppError('INVALID', 'period');
	const access = await loadUnitAccess(db, organizerId);
	const unit = unitId ? access.byId.get(unitId) : null;
	if (unitId && !unit) throw new AppError('NOT_FOUND', 'unit');
	const ancestorIds = unitId ? access.resource(unitId).ancestorIds : [];
	authorize(actor, 'followup.view', { type: 'followup', organizerId, unitId, ancestorIds });
	// The organizer as a whole is for organizer-wide readers; a principal names one of their units.
	if (!unitId && !holds(actor, organizerId, FOLLOWUP_READERS)) throw new AppError('FORBIDDEN', 'organizer-wide');
	const subtree = unitId
		? new Set(access.tree.filter((u) => u.id === unitId || access.resource(u.id).ancestorIds.includes(unitId)).map((u) => u.id))
		: null;

	const today = todayInStockholm();
	const lastDay = new Date(Date.parse(`${opts.to}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
	const asOf = lastDay < today ? lastDay : today;
	const period = periodOf(opts.from);
	const subGoals = await strategySubGoals();
	const ids = subGoals.map((s) => s.id);
	const readsPlans = can(actor, 'planning.view', { type: 'organizer', organizerId });
	const ctx: FigureContext = {
		db,
		actor,
		organizerId,
		unitId,
		subtree: subtree ?? new Set(),
		ancestorIds,
		from: opts.from,
		to: opts.to,
		asOf
	};
	const loaders = figureLoaders(ids);
	// The latest round's figures serve both the trend and the roll-up's gaps: read once.
	const reports = new Map<string, Promise<RoundFigures>>();
	const figuresOf = (roundId: string) => {
		if (!reports.has(roundId)) reports.set(roundId, readRoundFigures(db, { organizerId, roundId }));
		return reports.get(roundId)!;
	};

	const [trend, scopes, rollUp, ...figures] = await readTogether(db, [
		() =>
			loadAssessmentTrend(db, {
				actor,
				organizerId,
				unitId,
				unitResource: unitId ? { ancestorIds } : null,
				frameworkKey: STRATEGY_FRAMEWORK,
				before: nextDay(lastDay),
				today,
				subGoalIds: ids,
				figuresOf
			}),
		() => (readsPlans ? loadPlanScopes(db, actor, organizerId) : Promise.resolve(null)),
		() => (readsPlans ? rollUpPlans(db, { actor, organizerId, period, figuresOf }) : Promise.resolve(null)),
		...loaders.map((l) => () => l.load(ctx))
	]);
	const [actions, indicators] = scopes
		? await readTogether(db, [
				() => findSubGoalActions(db, { organizerId, frameworkKey: STRATEGY_FRAMEWORK, period, scopes, subtree }),
				() => findSubGoalIndicators(db, { organizerId, frameworkKey: STRATEGY_FRAMEWORK, scopes, subtree })
			])
		: [null, null];
	const byLoader = new Map(loaders.map((l, i) => [l.key, figures[i] as OperationalFigure[] | null]));

	return {
		organizerId,
		unit: unit ? { id: unit.id, name: unit.name } : null,
		period: { key: period, from: opts.from, to: opts.to },
		rounds: trend?.rounds ?? [],
		assessmentScope: trend?.scope ?? null,
		subGoals: subGoals.map((sg) => {
			const row = rollUp?.rows.find((r) => r.value === `${STRATEGY_FRAMEWORK}:${sg.id}`) ?? null;
			const listed = actions?.get(sg.id) ?? { shown: [], more: 0 };
			const mapped = SUB_GOAL_FIGURES[sg.id];
			return {
				id: sg.id,
				title: sg.title,
				assessment: trend?.subGoals[sg.id] ?? null,
				plan: rollUp
					? {
							counts: row
								? { byStatus: row.byStatus, total: row.total, overdue: row.overdue, organizerActions: row.organizerActions }
								: null,
							unitActions: subtree ? (row?.units.filter((u) => subtree.has(u.unitId)).reduce((n, u) => n + u.actions, 0) ?? 0) : null,
							actions: listed.shown,
							more: listed.more
						}
					: null,
				indicators: indicators ? (indicators.get(sg.id) ?? []) : null,
				operations: mapped ? mapped.flatMap((l) => byLoader.get(l.key) ?? []) : null
			};
		})
	};
}
