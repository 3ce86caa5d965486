import { z } from 'zod';
import { SURVEY_TEMPLATES } from './templates';

/** The new-survey form: a template, titles (the template's by default), anonymous or signed, units, chain, reminders. */
export const newSurveySchema = z.object({
	template: z.enum(Object.keys(SURVEY_TEMPLATES) as [keyof typeof SURVEY_TEMPLATES], { message: 'survey_error_template' }),
	titleSv: z.string().trim().max(200, 'survey_error_too_long').optional().default(''),
	titleEn: z.string().trim().max(200, 'survey_error_too_long').optional().default(''),
	anonymous: z
		.string()
		.optional()
		.transform((v) => v !== 'signed'),
	unitIds: z.array(z.string()).min(1, 'survey_error_units').max(500, 'survey_error_units'),
	chain: z.enum(['', 'technical', 'pedagogical'], { message: 'survey_error_chain' }).optional().default(''),
	/** The year group of a student survey (ignored by the other templates). */
	stage: z.string().trim().optional().default(''),
	maxReminders: z
		.string()
		.trim()
		.optional()
		.default('2')
		.refine((v) => /^\d{1,2}$/.test(v) && Number(v) <= 5, 'survey_error_reminders')
		.transform(Number)
});
export type NewSurveyInput = z.input<typeof newSurveySchema>;

/** The pulse settings form. */
export const pulseSettingsSchema = z.object({
	pulseEnabled: z
		.string()
		.optional()
		.transform((v) => v === 'on'),
	pulseDelayDays: z
		.string()
		.trim()
		.refine((v) => /^\d{1,2}$/.test(v) && Number(v) <= 20, 'survey_error_delay')
		.transform(Number),
	pulseCapDays: z
		.string()
		.trim()
		.refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 365, 'survey_error_cap')
		.transform(Number)
});
export type PulseSettingsInput = z.input<typeof pulseSettingsSchema>;
