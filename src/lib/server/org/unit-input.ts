import { z } from 'zod';
import { AppError, zodIssues } from '../errors';
import { KINDS_WITH_SCHOOL_UNIT_CODE, SCHOOL_TYPES, UNIT_KIND_KEYS, type UnitKind } from './unit-kinds';

/** Skolverket's skolenhetskod: eight digits, 10000000–99999999. */
export const SCHOOL_UNIT_CODE_MIN = 10_000_000;

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/**
 * One unit as the admin form, the CSV import and the domain functions see it.
 * Messages are message keys (units_error_…). The output parses again unchanged,
 * so domain functions can re-check input that was parsed elsewhere.
 */
export const unitInputSchema = z
	.object({
		name: z
			.string({ message: 'units_error_name_required' })
			.trim()
			.min(2, 'units_error_name_required')
			.max(200, 'units_error_name_too_long'),
		kind: z.enum(UNIT_KIND_KEYS as [UnitKind, ...UnitKind[]], { message: 'units_error_kind_required' }),
		parentId: z.preprocess(emptyToNull, z.uuid({ message: 'units_error_parent_not_found' }).nullable()),
		schoolUnitCode: z.preprocess(
			(v) => emptyToNull(typeof v === 'string' ? v.replace(/\s+/g, '') : v),
			z
				.string({ message: 'units_error_code_format' })
				.regex(/^\d{8}$/, 'units_error_code_format')
				.refine((v) => Number(v) >= SCHOOL_UNIT_CODE_MIN, 'units_error_code_range')
				.nullable()
		),
		schoolTypes: z.preprocess(
			(v) => (v === undefined || v === null ? [] : typeof v === 'string' ? [v] : v),
			z
				.array(z.enum(SCHOOL_TYPES, { message: 'units_error_school_type' }), { message: 'units_error_school_type' })
				// One order, whatever order the boxes were ticked in, so audit diffs are stable.
				.transform((list) => SCHOOL_TYPES.filter((t) => list.includes(t)))
		)
	})
	.superRefine((u, ctx) => {
		const needsCode = KINDS_WITH_SCHOOL_UNIT_CODE.includes(u.kind);
		if (needsCode && !u.schoolUnitCode) {
			ctx.addIssue({ code: 'custom', path: ['schoolUnitCode'], message: 'units_error_code_required' });
		}
		if (!needsCode && u.schoolUnitCode) {
			ctx.addIssue({ code: 'custom', path: ['schoolUnitCode'], message: 'units_error_code_not_allowed' });
		}
	});

export type UnitInput = z.infer<typeof unitInputSchema>;

export { zodIssues as unitIssues } from '../errors';

/** Parses unit input or throws AppError('INVALID') with field issues. */
export function parseUnitInput(input: unknown): UnitInput {
	const parsed = unitInputSchema.safeParse(input);
	if (!parsed.success) throw new AppError('INVALID', 'invalid unit', zodIssues(parsed.error.issues));
	return parsed.data;
}
