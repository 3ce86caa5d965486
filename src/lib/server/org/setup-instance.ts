import { count } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { accessibilityStatements, memberships, organizers, passwordCredentials, people, roleAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password';
import { slugify, swedishSortKey } from '../../sort-key';
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
	password: z.string().min(MIN_PASSWORD_LENGTH, 'error_password_short').max(200, 'error_too_long')
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
		const [org] = await tx
			.insert(organizers)
			.values({ slug: slugify(input.name), name: input.name, orgNumber: input.orgNumber, kind: input.kind, municipalityCode: input.municipalityCode })
			.returning();
		const [person] = await tx
			.insert(people)
			.values({ name: input.adminName, nameSort: swedishSortKey(input.adminName), email: input.adminEmail })
			.returning();
		await tx.insert(memberships).values({ organizerId: org.id, personId: person.id });
		await tx.insert(passwordCredentials).values({ personId: person.id, hash: passwordHash });
		await tx.insert(roleAssignments).values([
			{ personId: person.id, organizerId: null, role: 'system_admin' },
			{ personId: person.id, organizerId: org.id, role: 'org_admin' }
		]);
		await tx.insert(accessibilityStatements).values({ organizerId: org.id });
		await recordAudit(tx, {
			organizerId: org.id,
			actorId: null,
			action: 'organizer.create',
			entityType: 'organizer',
			entityId: org.id,
			changes: { name: [null, org.name], admin: [null, person.email] }
		});
		return { organizer: org, person };
	});
}
