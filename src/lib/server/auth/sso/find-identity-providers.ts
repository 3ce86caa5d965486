import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { isUuid } from '../../ids';
import { identityProviders, organizers } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { presentIdentityProvider, presentSignInOption } from './present-identity-provider';

/** The organizer's providers, enabled or not, for its administrator (secrets never leave the database). */
export async function findIdentityProviders(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'sso.manage', { type: 'organizer', organizerId: opts.organizerId });
	const rows = await db
		.select()
		.from(identityProviders)
		.where(eq(identityProviders.organizerId, opts.organizerId))
		.orderBy(asc(identityProviders.displayName), asc(identityProviders.id));
	return rows.map(presentIdentityProvider);
}

/** One of the organizer's providers for its administrator, or null. */
export async function getIdentityProvider(db: Db, opts: { actor: Actor | null; organizerId: string; providerId: string }) {
	authorize(opts.actor, 'sso.manage', { type: 'organizer', organizerId: opts.organizerId });
	if (!isUuid(opts.providerId)) return null;
	const [row] = await db
		.select()
		.from(identityProviders)
		.where(and(eq(identityProviders.id, opts.providerId), eq(identityProviders.organizerId, opts.organizerId)));
	return row ? presentIdentityProvider(row) : null;
}

/**
 * The public sign-in options of an organizer named by its slug (the sign-in page, no one signed in): its name and
 * its enabled providers, or null when there is no such organizer. Only what a button needs is returned.
 */
export async function findSignInOptions(db: Db, slug: string) {
	const [org] = await db
		.select({ id: organizers.id, name: organizers.name, slug: organizers.slug, settings: organizers.settings })
		.from(organizers)
		.where(eq(organizers.slug, slug.trim().toLowerCase().slice(0, 100)));
	if (!org) return null;
	const rows = await db
		.select({
			id: identityProviders.id,
			displayName: identityProviders.displayName,
			kind: identityProviders.kind,
			protocol: identityProviders.protocol
		})
		.from(identityProviders)
		.where(and(eq(identityProviders.organizerId, org.id), eq(identityProviders.enabled, true)))
		.orderBy(asc(identityProviders.displayName), asc(identityProviders.id));
	return { id: org.id, name: org.name, slug: org.slug, providers: rows.map(presentSignInOption) };
}
