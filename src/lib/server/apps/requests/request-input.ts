import { z } from 'zod';
import { REQUEST_CHECKS } from '../../db/schema/app-requests';
import { CHAINS } from '../../support/constants';
import { decisionSchema, toolSchema } from '../tool-input';

const text = (max: number) => z.string().trim().max(max, 'error_too_long').default('');
const required = (message: string, max: number) => z.string({ error: message }).trim().min(1, message).max(max, 'error_too_long');

/**
 * A request for a new tool as the form sends it (decision 047): what it is, what for, for whom, and which personal
 * data about whom; filed in the chosen support chain at the chosen unit. Year groups as in a decision (F, 1–9).
 */
export const requestSchema = z.object({
	name: required('apprequests_error_name', 200),
	vendor: text(200),
	url: toolSchema.shape.url,
	purpose: required('apprequests_error_purpose', 3000),
	schoolForms: decisionSchema.shape.schoolForms,
	yearFrom: decisionSchema.shape.yearFrom,
	yearTo: decisionSchema.shape.yearTo,
	dataDescription: required('apprequests_error_data', 3000),
	chain: z.enum(CHAINS, { error: 'support_error_choose_chain' }),
	unitId: z.string({ error: 'support_error_choose_unit' }).trim().min(1, 'support_error_choose_unit')
});
export type RequestInput = z.output<typeof requestSchema>;

/** One item of the review checklist: ticked (with a short note) or not. */
export const checkSchema = z.object({
	item: z.enum(REQUEST_CHECKS, { error: 'apprequests_error_item' }),
	note: text(500),
	/** A checkbox: "on" when ticked, absent when the tick is taken away. */
	done: z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === 'true')
});
