import type { Db } from '../../db';
import { surveys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid, parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadSurveyScope } from './survey-scope';
import { newSurveySchema, type NewSurveyInput } from './survey-input';
import { SURVEY_TEMPLATES } from './templates';
import type { Stage } from '../../competence/competence-rules';
import { studentProgressionQuestions, studentSeriesKey } from './student-progression';

/** A year group in a title: "åk 4", "F", "gy1" as written in the plan. */
const stageWords = (stage: string) => (/^\d$/.test(stage) ? `åk ${stage}` : stage);

/**
 * Creates a round of a recurring survey from a template, or an empty survey for own questions (surveys.manage), as a
 * draft: the template's questions (for the student survey, the chosen year group's steps of the progression plan;
 * changed in the editor until it is sent), the chosen units (active units of the organizer) and chain. Sending it invites the units' staff. Audited survey.create.
 */
export async function createSurvey(db: Db, opts: { actor: Actor | null; organizerId: string; input: NewSurveyInput }) {
	authorize(opts.actor, 'surveys.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(newSurveySchema, opts.input);
	const scope = await loadSurveyScope(db, opts.organizerId);
	const unitIds = [...new Set(input.unitIds)];
	if (unitIds.some((id) => !scope.byId.get(id) || scope.byId.get(id)!.archivedAt)) throw invalid('unitIds', 'survey_error_units');
	const template = SURVEY_TEMPLATES[input.template];
	const student = template.kind === 'student_progression';
	const questions = student ? await studentProgressionQuestions(db, opts.organizerId, input.stage) : template.questions;
	const stage = student ? ` (${stageWords(input.stage)})` : '';
	return db.transaction(async (tx) => {
		const [survey] = await tx
			.insert(surveys)
			.values({
				organizerId: opts.organizerId,
				kind: template.kind,
				titleSv: input.titleSv || template.titleSv + stage,
				titleEn: input.titleEn || template.titleEn + stage,
				anonymous: input.anonymous,
				questions,
				// Rounds of a template form a series shown over time; surveys of own questions stand alone.
				seriesKey: template.kind === 'custom' ? null : student ? studentSeriesKey(input.stage as Stage) : input.template,
				chain: student ? null : input.chain || null,
				unitIds,
				maxReminders: input.maxReminders,
				createdById: actor.personId
			})
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'survey.create',
			entityType: 'survey',
			entityId: survey.id,
			changes: { title: [null, survey.titleSv], anonymous: [null, survey.anonymous], unitIds: [null, unitIds] }
		});
		return survey;
	});
}
