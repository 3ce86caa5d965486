import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceClasses, competenceMarkings } from '../db/schema';
import { ASPECTS, STAGES, type Aspect, type Stage } from './competence-rules';
import type { PlanStep } from './get-plan';

/** One unit × year group × aspect: the plan's steps, and which of them some class at the unit touched. */
export type CoverageCell = { stage: Stage; aspect: Aspect; steps: number; touched: string[]; untouched: string[] };
/** One unit's coverage: its year groups (those it has classes in) and a cell per year group × aspect. */
export type UnitCoverage = { unitId: string; stages: Stage[]; cells: CoverageCell[] };

/**
 * Coverage for a school year (from ≤ worked_on < to) on one plan version: for every unit with classes, per year group
 * of its classes and per aspect, the steps some class marked (not withdrawn) and the steps no class touched. Two
 * grouped queries (markings by unit × step, classes by unit × year group); the cells are put together here.
 * `unitIds` limits the units (null: all of the organizer's).
 */
export async function computeCoverage(
	db: Db,
	o: { organizerId: string; planId: string; steps: PlanStep[]; from: string; to: string; unitIds?: string[] | null }
): Promise<UnitCoverage[]> {
	const [marked, classes] = await Promise.all([
		db
			.select({ unitId: competenceMarkings.unitId, stepId: competenceMarkings.stepId })
			.from(competenceMarkings)
			.where(
				and(
					eq(competenceMarkings.organizerId, o.organizerId),
					eq(competenceMarkings.planId, o.planId),
					gte(competenceMarkings.workedOn, o.from),
					lt(competenceMarkings.workedOn, o.to),
					isNull(competenceMarkings.withdrawnAt),
					o.unitIds ? inArray(competenceMarkings.unitId, o.unitIds) : undefined
				)
			)
			.groupBy(competenceMarkings.unitId, competenceMarkings.stepId),
		db
			.select({ unitId: competenceClasses.unitId, stage: competenceClasses.stage })
			.from(competenceClasses)
			.where(
				and(
					eq(competenceClasses.organizerId, o.organizerId),
					isNull(competenceClasses.archivedAt),
					o.unitIds ? inArray(competenceClasses.unitId, o.unitIds) : undefined
				)
			)
			.groupBy(competenceClasses.unitId, competenceClasses.stage)
	]);
	return coverageTable({ steps: o.steps, classes, marked });
}

/** The pure part of computeCoverage: cells from the plan's steps, each unit's year groups and the touched steps. */
export function coverageTable(o: {
	steps: PlanStep[];
	classes: { unitId: string; stage: string }[];
	marked: { unitId: string; stepId: string }[];
}): UnitCoverage[] {
	const touchedBy = new Map<string, Set<string>>();
	for (const m of o.marked) (touchedBy.get(m.unitId) ?? touchedBy.set(m.unitId, new Set()).get(m.unitId)!).add(m.stepId);
	const stagesBy = new Map<string, Set<Stage>>();
	for (const c of o.classes) (stagesBy.get(c.unitId) ?? stagesBy.set(c.unitId, new Set()).get(c.unitId)!).add(c.stage as Stage);
	const stepsBy = new Map<string, PlanStep[]>();
	for (const s of o.steps) {
		const key = `${s.stage}|${s.aspect}`;
		(stepsBy.get(key) ?? stepsBy.set(key, []).get(key)!).push(s);
	}
	const out: UnitCoverage[] = [];
	for (const [unitId, stageSet] of stagesBy) {
		const touched = touchedBy.get(unitId) ?? new Set<string>();
		const stages = STAGES.filter((s) => stageSet.has(s));
		const cells: CoverageCell[] = [];
		for (const stage of stages)
			for (const aspect of ASPECTS) {
				const steps = stepsBy.get(`${stage}|${aspect}`) ?? [];
				cells.push({
					stage,
					aspect,
					steps: steps.length,
					touched: steps.filter((s) => touched.has(s.id)).map((s) => s.id),
					untouched: steps.filter((s) => !touched.has(s.id)).map((s) => s.id)
				});
			}
		out.push({ unitId, stages, cells });
	}
	return out;
}

/** The share (0–1) of a unit's steps some class touched, over its year groups, for one aspect or all; null with no steps. */
export function coverageShareOf(unit: UnitCoverage, aspect: Aspect | null = null): number | null {
	const cells = unit.cells.filter((c) => aspect === null || c.aspect === aspect);
	const steps = cells.reduce((s, c) => s + c.steps, 0);
	return steps ? cells.reduce((s, c) => s + c.touched.length, 0) / steps : null;
}
