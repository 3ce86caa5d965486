import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers } from '../../db/schema';
import type { Actor } from '../../policies';
import { findIdentityProviders } from './find-identity-providers';
import { parseSignInSettings } from './password-policy';

/** The administrator's sign-in page: the organizer's providers and whether passwords are allowed. */
export async function loadSignInAdmin(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	const providers = await findIdentityProviders(db, opts);
	const [org] = await db.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, opts.organizerId));
	return { providers, passwordAllowed: parseSignInSettings(org?.settings.signIn).passwordAllowed };
}
