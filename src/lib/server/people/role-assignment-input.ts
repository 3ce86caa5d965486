import { z } from 'zod';
import { ASSIGNABLE_ROLES, type Role } from '../policies/roles';
import { AppError } from '../errors';
import { issuesFromZod } from './queries';
import { isUuid } from '../ids';
import { isIsoDate } from '$lib/calendar-date';

const optionalDate = z
	.string({ error: 'people_error_date' })
	.trim()
	.refine((v) => v === '' || isIsoDate(v), 'people_error_date')
	.nullish()
	.transform((v) => v || null);

/** A role assignment as the form sends it: role, optional unit (empty = whole organizer), optional dates. */
export const roleAssignmentInputSchema = z
	.object({
		role: z
			.string({ error: 'people_error_role' })
			.refine((v) => (ASSIGNABLE_ROLES as readonly string[]).includes(v), 'people_error_role')
			.transform((v) => v as Role),
		unitId: z
			.string({ error: 'people_error_unit_unknown' })
			.trim()
			.refine((v) => v === '' || isUuid(v), 'people_error_unit_unknown')
			.nullish()
			.transform((v) => v || null),
		startsOn: optionalDate,
		endsOn: optionalDate
	})
	.refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
		message: 'people_error_end_before_start',
		path: ['endsOn']
	});

export type RoleAssignmentInput = z.infer<typeof roleAssignmentInputSchema>;
/** What assignRole accepts: parsed input, or raw form values it validates itself. */
export type RoleAssignmentInputValues = z.input<typeof roleAssignmentInputSchema> | Record<string, unknown>;

/** Parses a role assignment or throws AppError INVALID with one issue per field. */
export function parseRoleAssignmentInput(values: unknown): RoleAssignmentInput {
	const parsed = roleAssignmentInputSchema.safeParse(values);
	if (!parsed.success) throw new AppError('INVALID', 'invalid role assignment', issuesFromZod(parsed.error.issues));
	return parsed.data;
}
