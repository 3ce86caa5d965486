import { z } from 'zod';
import { parseOrThrow } from '../../errors';
import type { RegisterSource } from './client';

/**
 * The import form: where to look the units up. An organisationsnummer is taken with or without the hyphen (and with
 * the 16 prefix); a municipality code is four digits (a lost leading zero is put back). Messages are message keys.
 */
const sourceInputSchema = z
	.object({
		source: z.enum(['org_number', 'municipality'], { message: 'register_error_source' }),
		value: z.string({ message: 'register_error_value' }).trim().min(1, 'register_error_value')
	})
	.transform((v, ctx) => {
		if (v.source === 'org_number') {
			let digits = v.value.replace(/[\s-]/g, '');
			if (digits.length === 12 && digits.startsWith('16')) digits = digits.slice(2);
			if (/^\d{10}$/.test(digits)) return { source: v.source, value: digits } satisfies RegisterSource;
			ctx.addIssue({ code: 'custom', path: ['value'], message: 'register_error_org_number' });
			return z.NEVER;
		}
		let code = v.value.replace(/\s/g, '');
		if (/^\d{3}$/.test(code)) code = `0${code}`;
		if (/^\d{4}$/.test(code)) return { source: v.source, value: code } satisfies RegisterSource;
		ctx.addIssue({ code: 'custom', path: ['value'], message: 'register_error_municipality' });
		return z.NEVER;
	});

/** Parses the form's source and value, or throws INVALID naming the field. */
export const parseRegisterSource = (values: Record<string, unknown>): RegisterSource => parseOrThrow(sourceInputSchema, values);
