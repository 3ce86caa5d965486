import { count } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { organizers } from '../db/schema';
import { insertOrganizerWithAdmin } from './insert-organizer';
import { AppError } from '../errors';
import { hashPassword } from '../auth/password';
import { newPasswordField } from '../auth/new-password-fields';
import { ORGANIZER_KINDS } from './unit-kinds';

/** Field validation for an organizer; messages are message keys. */
export const organizerFields = {
	name: z.string().trim().min(2, 'error_name_required').max(200, 'error_too_long'),
	orgNumber: z
		.string()
		.trim()
		.regex(/^(\d{6}-?\d{4})?$/, 'error_org_number')
		.transform((v) => (v ? `${v.replace('-', '').slice(0, 6)}-${v.replace('-', '').slice(6)}` : null)),
	kind: z.enum(ORGANIZER_KINDS, { message: 'error_choose_kind' }),
	municipalityCode: z
		.string()
		.trim()
		.regex(/^(\d{4})?$/, 'error_municipality_code')
		.transform((v) => v || null)
};

export const setupSchema = z.object({
	...organizerFields,
	adminName: z.string().trim().min(2, 'error_name_required').max(200, 'error_too_long'),
	adminEmail: z.string().trim().toLowerCase().email('error_email'),
	password: newPasswordField
});

export type SetupInput = z.infer<typeof setupSchema>;

/** True while the installation has no organizer: the setup page is open. */
export async function needsSetup(db: Db): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(organizers);
	return row.n === 0;
}

/**
 * Creates the first organizer and its administrator (who is also system administrator).
 * Refuses once any organizer exists, so the setup page cannot be replayed.
 */
export async function setupInstance(db: Db, input: SetupInput) {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		if (!(await needsSetup(tx))) throw new AppError('CONFLICT', 'already set up');
		return insertOrganizerWithAdmin(tx, input, { passwordHash, actorId: null, systemAdmin: true });
	});
}
