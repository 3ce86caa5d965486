import { z } from 'zod';
import { AppError } from '../errors';
import { issuesFromZod } from './queries';

/** Values a checkbox or a CSV cell may carry for "yes". */
const YES = new Set(['on', 'true', '1', 'ja', 'yes', 'x']);

/**
 * A person as an administrator (or a CSV row) describes them. Messages are message keys.
 * The e-mail and the eduPersonPrincipalName are stored lower-cased so that uniqueness
 * does not depend on how someone typed them; an empty eppn means none.
 */
export const personInputSchema = z.object({
	name: z.string({ error: 'people_error_name_required' }).trim().min(1, 'people_error_name_required').max(200, 'people_error_too_long'),
	email: z.string({ error: 'people_error_email' }).trim().toLowerCase().max(254, 'people_error_too_long').email('people_error_email'),
	eppn: z
		.string({ error: 'people_error_eppn' })
		.trim()
		.toLowerCase()
		.max(254, 'people_error_too_long')
		.regex(/^([^@\s]+@[^@\s]+\.[^@\s]+)?$/, 'people_error_eppn')
		.nullish()
		.transform((v) => v || null),
	protectedIdentity: z.preprocess((v) => v === true || (typeof v === 'string' && YES.has(v.trim().toLowerCase())), z.boolean())
});

/** A validated person: trimmed, e-mail and eppn lower-cased, eppn null when empty. */
export type PersonInput = z.infer<typeof personInputSchema>;
/** What the domain functions accept: a PersonInput, or raw form/CSV values they validate themselves. */
export type PersonInputValues = z.input<typeof personInputSchema> | Record<string, unknown>;

/** Parses person input or throws AppError INVALID with one issue per field. */
export function parsePersonInput(values: unknown): PersonInput {
	const parsed = personInputSchema.safeParse(values);
	if (!parsed.success) throw new AppError('INVALID', 'invalid person', issuesFromZod(parsed.error.issues));
	return parsed.data;
}
