import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { identityProviders, organizers } from '../../db/schema';
import { isUuid } from '../../ids';

/** An enabled OIDC provider with its organizer's id and slug, or null (unknown, switched off or malformed id). */
export async function getEnabledOidcProvider(db: Db, providerId: string) {
	if (!isUuid(providerId)) return null;
	const [row] = await db
		.select({ provider: identityProviders, organizerSlug: organizers.slug })
		.from(identityProviders)
		.innerJoin(organizers, eq(organizers.id, identityProviders.organizerId))
		.where(and(eq(identityProviders.id, providerId), eq(identityProviders.enabled, true), eq(identityProviders.protocol, 'oidc')));
	return row ?? null;
}
