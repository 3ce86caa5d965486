import type { Measure } from './comparison-measures';

/**
 * The organizer's own figures an external key figure can be set beside (decision 063). One list, here: a module that
 * computes a new figure adds its key, with the unit of measure it is expressed in (null: the figure has no fixed unit,
 * e.g. a self-assessment level, and any key figure may be mapped to it). Each key has a label
 * `cmp_figure_<key with . and - as _>`; the sub-goal figures share one label with the sub-goal as parameter.
 */
export type OwnFigure = { key: string; measure: Measure | null; subGoalId?: string };

const SUB_GOALS = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2'];

export const OWN_FIGURES: readonly OwnFigure[] = [
	{ key: 'support.cases_per_100_students', measure: 'per_100_students' },
	{ key: 'support.lost_lessons_per_100_students', measure: 'per_100_students' },
	{ key: 'support.lead_time_days', measure: 'days' },
	{ key: 'support.sla_met_share', measure: 'percent' },
	{ key: 'devices.per_student', measure: 'ratio' },
	{ key: 'devices.cost_per_student', measure: 'sek_per_student' },
	{ key: 'devices.without_holder_share', measure: 'percent' },
	{ key: 'licences.utilisation', measure: 'percent' },
	{ key: 'competence.staff_trained_share', measure: 'percent' },
	...SUB_GOALS.map((id) => ({ key: `assessment.subgoal.${id}`, measure: null, subGoalId: id }))
];

const byKey = new Map(OWN_FIGURES.map((f) => [f.key, f]));

/** The own figure with that key, or undefined. */
export const ownFigure = (key: string) => byKey.get(key);

/** The message key and parameters of an own figure's label. */
export function ownFigureLabel(key: string): { message: string; params: Record<string, string> } {
	const f = byKey.get(key);
	if (f?.subGoalId) return { message: 'cmp_figure_assessment_subgoal', params: { id: f.subGoalId } };
	return { message: `cmp_figure_${key.replace(/[.-]/g, '_')}`, params: {} };
}
