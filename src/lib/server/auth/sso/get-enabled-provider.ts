import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { identityProviders, organizers } from '../../db/schema';
import { isUuid } from '../../ids';

/** An enabled provider of the protocol with its organizer's slug, or null (unknown, switched off, other protocol or malformed id). */
export async function getEnabledProvider(db: Db, providerId: string, protocol: 'oidc' | 'saml') {
	if (!isUuid(providerId)) return null;
	const [row] = await db
		.select({ provider: identityProviders, organizerSlug: organizers.slug })
		.from(identityProviders)
		.innerJoin(organizers, eq(organizers.id, identityProviders.organizerId))
		.where(and(eq(identityProviders.id, providerId), eq(identityProviders.enabled, true), eq(identityProviders.protocol, protocol)));
	return row ?? null;
}

/** An enabled OpenID Connect provider (decision 050). */
export const getEnabledOidcProvider = (db: Db, providerId: string) => getEnabledProvider(db, providerId, 'oidc');
