import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { people } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { insertOrganizerWithAdmin } from './insert-organizer';
import { organizerFields } from './setup-instance';

export const createOrganizerSchema = z.object({
	...organizerFields,
	adminName: z.string().trim().min(2, 'error_name_required').max(200, 'error_too_long'),
	adminEmail: z.string().trim().toLowerCase().email('error_email'),
	/** Only needed when the administrator is new to the installation. */
	password: z.string().max(200, 'error_too_long')
});

export type CreateOrganizerInput = z.infer<typeof createOrganizerSchema>;

/**
 * A system administrator adds another organizer to the installation, with its first
 * organization administrator. A person already known by e-mail simply joins it.
 */
export async function createOrganizer(db: Db, opts: { actor: Actor | null; input: CreateOrganizerInput }) {
	authorize(opts.actor, 'instance.administer', { type: 'instance' });
	const { input } = opts;
	const [known] = await db.select({ id: people.id }).from(people).where(eq(people.email, input.adminEmail));
	const problem = known ? null : passwordProblem(input.password);
	if (problem) throw new AppError('INVALID', 'password', [{ field: 'password', message: problem }]);
	const passwordHash = known ? null : await hashPassword(input.password);
	return db.transaction((tx) => insertOrganizerWithAdmin(tx, input, { passwordHash, actorId: opts.actor!.personId, systemAdmin: false }));
}
