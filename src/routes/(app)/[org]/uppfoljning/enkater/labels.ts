import { m } from '$lib/paraglide/messages';

/** The label of a survey kind. */
export function surveyKindLabel(kind: string): string {
	if (kind === 'pulse') return m.survey_kind_pulse();
	if (kind === 'support_quality') return m.survey_kind_support_quality();
	if (kind === 'student_progression') return m.surveyuses_kind_student();
	if (kind === 'guidance_feedback') return m.surveyuses_kind_guidance();
	return m.survey_kind_custom();
}

/** The label of a survey state. */
export function surveyStatusLabel(status: string): string {
	if (status === 'open') return m.survey_status_open();
	if (status === 'closed') return m.survey_status_closed();
	return m.survey_status_draft();
}
