import { z } from 'zod';
import { SCHOOL_FORMS, TOOL_KINDS, TOOL_OUTCOMES, TOOL_SIGN_INS } from '../db/schema/apps';
import { isMeetingUrl as isWebAddress } from '../knowledge/guidance/session-input';
import { isIsoDate } from '$lib/calendar-date';

const text = (max: number) => z.string().trim().max(max, 'error_too_long').default('');
/** A web address a browser opens, or nothing. */
const webAddress = z
	.string()
	.trim()
	.max(500, 'error_too_long')
	.default('')
	.refine((v) => v === '' || isWebAddress(v), 'apps_error_url');
const day = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.refine((v) => isIsoDate(v), message);

/** The school forms ticked on a form (checkboxes of one name): unknown ones are refused beside the field. */
const schoolForms = z.array(z.enum(SCHOOL_FORMS, { error: 'apps_error_school_form' })).default([]);

/** A year group typed as F or 1–9 (förskoleklass and grundskola), as a number (F = 0); empty is null. */
const year = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || v.toUpperCase() === 'F' || (/^\d$/.test(v) && Number(v) <= 9), 'apps_error_year')
	.transform((v) => (v === '' ? null : v.toUpperCase() === 'F' ? 0 : Number(v)));

/** A register entry as the form sends it. */
export const toolSchema = z.object({
	name: z.string({ error: 'apps_error_name' }).trim().min(1, 'apps_error_name').max(200, 'error_too_long'),
	vendor: text(200),
	kind: z.enum(TOOL_KINDS, { error: 'apps_error_kind' }),
	url: webAddress,
	description: text(4000),
	schoolForms,
	yearFrom: year,
	yearTo: year,
	signIn: z.enum(TOOL_SIGN_INS, { error: 'apps_error_sign_in' }),
	/** A checkbox: "on" when ticked, absent otherwise. */
	personalData: z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === 'true'),
	dataDescription: text(4000),
	storage: text(2000),
	accessibilityUrl: webAddress,
	interoperability: text(2000),
	ownerId: text(100),
	yearlyCost: z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || (/^\d{1,9}$/.test(v.replace(/\s/g, '')) && Number(v.replace(/\s/g, '')) <= 100_000_000), 'apps_error_cost')
		.transform((v) => (v === '' ? null : Number(v.replace(/\s/g, ''))))
});
export type ToolInput = z.output<typeof toolSchema>;

/** A data processing agreement as the form sends it. */
export const agreementSchema = z.object({
	counterparty: text(200),
	signer: z.string({ error: 'apps_error_signer' }).trim().min(1, 'apps_error_signer').max(200, 'error_too_long'),
	validFrom: day('apps_error_day'),
	validTo: z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || isIsoDate(v), 'apps_error_day'),
	subProcessors: text(2000),
	note: text(2000)
});

/** A decision as the form sends it. Year groups are F or 1–9 (förskoleklass and grundskola). */
export const decisionSchema = z.object({
	outcome: z.enum(TOOL_OUTCOMES, { error: 'apps_error_outcome' }),
	schoolForms,
	yearFrom: year,
	yearTo: year,
	conditions: text(4000),
	reasons: text(4000)
});
export type DecisionInput = z.output<typeof decisionSchema>;
