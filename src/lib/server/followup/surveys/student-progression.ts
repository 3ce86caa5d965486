import type { Db } from '../../db';
import type { SurveyQuestion } from '../../db/schema';
import { isStage, type Stage } from '../../competence/competence-rules';
import { getCurrentPlan } from '../../competence/competence-scope';
import { stepsOf } from '../../competence/get-plan';
import { invalid } from '../../errors';

/** The series key of the student survey for one year group: rounds of the same year group are shown over time. */
export const studentSeriesKey = (stage: Stage) => `student_progression:${stage}`;

/** The year group of a student survey's series key, or null for any other survey. */
export function stageOfSeries(seriesKey: string | null): Stage | null {
	const stage = seriesKey?.startsWith('student_progression:') ? seriesKey.slice('student_progression:'.length) : null;
	return stage && isStage(stage) ? stage : null;
}

const sure = { minLabel: { sv: 'Inte alls säker', en: 'Not sure at all' }, maxLabel: { sv: 'Helt säker', en: 'Completely sure' } };

/**
 * The questions of the student survey for one year group (issue 20, decision 067): one short scale question per step
 * of that year in the progression plan in force ("How sure do you feel about this?" 1–4 with the step's own words),
 * and a free-text question on what the student wants to get better at. The steps are read, never changed; a year
 * group the plan has no steps for is INVALID beside the year-group field.
 */
export async function studentProgressionQuestions(db: Db, organizerId: string, stage: string): Promise<SurveyQuestion[]> {
	if (!isStage(stage)) throw invalid('stage', 'surveyuses_error_stage');
	const plan = await getCurrentPlan(db, organizerId);
	const steps = plan ? (await stepsOf(db, organizerId, plan.id)).filter((s) => s.stage === stage) : [];
	if (steps.length === 0) throw invalid('stage', 'surveyuses_error_no_steps');
	return [
		...steps.slice(0, 20).map((s): SurveyQuestion => ({
			key: `step_${s.id}`,
			kind: 'scale',
			sv: `Hur säker känner du dig på det här? ${s.text}`,
			en: `How sure do you feel about this? ${s.text}`,
			min: 1,
			max: 4,
			...sure
		})),
		{
			key: 'wish',
			kind: 'text',
			sv: 'Vad skulle du vilja bli bättre på när det gäller datorer och digitala verktyg? (frivilligt)',
			en: 'What would you like to get better at with computers and digital tools? (optional)'
		}
	];
}
