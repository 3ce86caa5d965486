import { z } from 'zod';
import { isIsoDate } from '../../calendar-date';
import { AppError, zodIssues } from '../errors';

const key = z
	.string()
	.trim()
	.max(100, 'audit_error_filter_unknown')
	.regex(/^[a-z0-9_.-]*$/i, 'audit_error_filter_unknown');
const day = z
	.string()
	.trim()
	.refine((v) => v === '' || isIsoDate(v), 'audit_error_date');

/**
 * The audit log's filters as they arrive from the GET form. Empty means "any".
 * A cursor that is not a positive whole number is dropped: it never comes from the user.
 */
export const auditFilterSchema = z
	.object({
		action: key.default(''),
		entityType: key.default(''),
		actor: z.string().trim().max(100, 'audit_error_actor_too_long').default(''),
		from: day.default(''),
		to: day.default(''),
		before: z
			.string()
			.regex(/^[1-9]\d{0,14}$/)
			.transform(Number)
			.optional()
			.catch(undefined)
	})
	.superRefine((f, ctx) => {
		if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'audit_error_date_order' });
	});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The names of the filter fields, in form order. */
export const AUDIT_FILTER_FIELDS = ['action', 'entityType', 'actor', 'from', 'to'] as const;

/** Parses raw filter input; throws INVALID with one issue per bad field. */
export function parseAuditFilter(input: Record<string, string | undefined>): AuditFilter {
	const parsed = auditFilterSchema.safeParse(input);
	if (!parsed.success) throw new AppError('INVALID', 'bad audit filter', zodIssues(parsed.error.issues));
	return parsed.data;
}

export { zodIssues as fieldIssues } from '../errors';
