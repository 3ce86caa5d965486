import type { Db } from '../../db';
import { surveys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid, parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadSurveyScope } from './survey-scope';
import { newSurveySchema, type NewSurveyInput } from './survey-input';
import { SURVEY_TEMPLATES } from './templates';

/**
 * Creates a round of a recurring survey from a template (surveys.manage), as a draft: the template's questions, the
 * chosen units (active units of the organizer) and chain. Sending it invites the units' staff. Audited survey.create.
 */
export async function createSurvey(db: Db, opts: { actor: Actor | null; organizerId: string; input: NewSurveyInput }) {
	authorize(opts.actor, 'surveys.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(newSurveySchema, opts.input);
	const scope = await loadSurveyScope(db, opts.organizerId);
	const unitIds = [...new Set(input.unitIds)];
	if (unitIds.some((id) => !scope.byId.get(id) || scope.byId.get(id)!.archivedAt)) throw invalid('unitIds', 'survey_error_units');
	const template = SURVEY_TEMPLATES[input.template];
	return db.transaction(async (tx) => {
		const [survey] = await tx
			.insert(surveys)
			.values({
				organizerId: opts.organizerId,
				kind: 'support_quality',
				titleSv: input.titleSv || template.titleSv,
				titleEn: input.titleEn || template.titleEn,
				anonymous: input.anonymous,
				questions: template.questions,
				seriesKey: input.template,
				chain: input.chain || null,
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
