import { z } from 'zod';
import { isIsoDate } from '$lib/calendar-date';

const optionalText = (max: number) => z.string().trim().max(max, 'devices_error_too_long').optional().default('');
const checkbox = z
	.union([z.string(), z.boolean()])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

/** Sending a device for repair, as the device page's form sends it. Messages are message keys. */
export const sendRepairSchema = z.object({
	/** A supplier team's id, or empty for an internal repair. */
	supplierTeamId: z.string().trim().optional().default(''),
	warranty: checkbox,
	rmaNumber: optionalText(60),
	expectedBackOn: z
		.string()
		.trim()
		.optional()
		.default('')
		.refine((v) => v === '' || isIsoDate(v), 'devices_error_date'),
	/** The case it comes from, by its number ("1042" or "#1042"), or empty. */
	caseNumber: z
		.string()
		.trim()
		.optional()
		.default('')
		.transform((v) => v.replace(/^#/, ''))
		.refine((v) => v === '' || /^\d{1,9}$/.test(v), 'devices_error_case_number'),
	repairNote: optionalText(1000),
	/** The tag of a device in stock to lend the holder while theirs is away, or empty. */
	loanerTag: optionalText(64)
});

/** A device back from repair: what it cost (required; 0 is fine, and the default under warranty) and which parts. */
export const returnRepairSchema = z.object({
	cost: z
		.string()
		.trim()
		.regex(/^\d{1,7}$/, 'devices_error_cost')
		.transform(Number),
	parts: optionalText(500),
	returnNote: optionalText(1000)
});
