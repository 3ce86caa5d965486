import { z } from 'zod';
import { parseOrThrow } from '../../errors';
import { PERSPECTIVES } from '../../assessment/framework/framework-schema';
import { isIsoDate } from '$lib/calendar-date';
import { isAspect } from '../../competence/competence-rules';

/** What an indicator can be: entered by hand, or computed by Rödtråd (decision 022). */
export const INDICATOR_KINDS = [
	'manual',
	'assessment_mean',
	'assessment_share',
	'support_lead_time',
	'support_sla',
	'support_lost_lessons',
	'support_user_errors',
	'competence_coverage',
	'apps_agreement_coverage',
	'apps_licence_use',
	'apps_request_lead_time',
	'devices_per_student',
	'devices_days_without',
	'devices_repair_cost'
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const SLA_KINDS = ['first_response', 'feedback', 'resolution'] as const;
/** Support lines an indicator may follow; 0 is the whole case. */
export const LEAD_LINES = ['0', '1', '2', '3'] as const;

const text = (max: number, required?: string) =>
	required
		? z.string({ error: required }).trim().min(1, required).max(max, 'error_too_long')
		: z.string().trim().max(max, 'error_too_long').default('');
const day = z
	.string()
	.trim()
	.refine((v) => v === '' || isIsoDate(v), 'planning_error_date')
	.default('');
/** A number as people type it: "12", "3,5", "-2.25". */
const decimal = z
	.string()
	.trim()
	.refine((v) => v === '' || (/^-?\d{1,9}([.,]\d{1,4})?$/.test(v) && Number.isFinite(Number(v.replace(',', '.')))), 'effects_error_number')
	.default('');
export const toNumber = (v: string) => (v === '' ? null : Number(v.replace(',', '.')));

export const chainSchema = z.object({
	scope: text(100, 'effects_error_scope'),
	title: text(300, 'effects_error_title'),
	effect: text(2000, 'effects_error_effect'),
	resources: text(4000)
});
export const parseChain = (input: Record<string, unknown>) => parseOrThrow(chainSchema, input, 'chain');

export const stepSchema = z.object({ text: text(2000, 'effects_error_step') });
export const parseStep = (input: Record<string, unknown>) => parseOrThrow(stepSchema, input, 'step');

export const indicatorSchema = z
	.object({
		name: text(300, 'effects_error_indicator_name'),
		kind: z.enum(INDICATOR_KINDS, { error: 'effects_error_kind' }),
		goal: z.string().trim().max(300).default(''),
		perspective: z.string().trim().default(''),
		line: z.string().trim().default('0'),
		slaKind: z.string().trim().default('resolution'),
		aspect: z.string().trim().default(''),
		baselineValue: decimal,
		baselineOn: day,
		targetValue: decimal,
		targetOn: day
	})
	.superRefine((v, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (v.targetValue !== '' && v.baselineValue === '') issue('targetValue', 'effects_error_target_without_baseline');
		if (v.baselineValue !== '' && v.baselineOn === '') issue('baselineOn', 'effects_error_baseline_date');
		if (v.targetValue !== '' && v.targetOn === '') issue('targetOn', 'effects_error_target_date');
		if ((v.kind === 'assessment_mean' || v.kind === 'assessment_share') && !v.goal) issue('goal', 'effects_error_goal');
		const group = (PERSPECTIVES as readonly string[]).includes(v.perspective);
		if ((v.kind === 'assessment_share' && !group) || (v.perspective !== '' && !group)) issue('perspective', 'effects_error_perspective');
		if (v.kind === 'support_lead_time' && !(LEAD_LINES as readonly string[]).includes(v.line)) issue('line', 'effects_error_line');
		if (v.kind === 'competence_coverage' && v.aspect !== '' && !isAspect(v.aspect)) issue('aspect', 'competence_error_aspect');
		if (v.kind === 'support_sla' && !(SLA_KINDS as readonly string[]).includes(v.slaKind)) issue('slaKind', 'effects_error_sla');
	});
export type IndicatorInput = z.input<typeof indicatorSchema>;
export const parseIndicator = (input: Record<string, unknown>) => parseOrThrow(indicatorSchema, input, 'indicator');

export const measurementSchema = z.object({
	value: decimal.refine((v) => v !== '', 'effects_error_value'),
	measuredOn: day.refine((v) => v !== '', 'effects_error_measured_on'),
	source: text(1000, 'effects_error_source')
});
export const parseMeasurement = (input: Record<string, unknown>) => parseOrThrow(measurementSchema, input, 'measurement');
