import { eq } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Db } from '../../db';
import { identityProviders, sessions } from '../../db/schema';
import { isUuid } from '../../ids';
import { env } from '../../env';
import { hashToken } from '../tokens';
import { oidcConfiguration } from './oidc-configuration';

/** The provider a session was started through (method oidc:<provider id>), or null for a password session. */
export async function sessionProviderId(db: Db, token: string): Promise<string | null> {
	if (!token || token.length > 200) return null;
	const [row] = await db
		.select({ method: sessions.method })
		.from(sessions)
		.where(eq(sessions.tokenHash, hashToken(token)));
	const id = row?.method.startsWith('oidc:') ? row.method.slice(5) : null;
	return id && isUuid(id) ? id : null;
}

/**
 * Where a person signs out at the provider too (RP-initiated logout), with the way back to the sign-in page: the
 * provider's name and address, or null when the provider is gone or offers no end_session_endpoint. Never throws:
 * signing out of Rödtråd has already happened.
 */
export async function providerSignOutLink(db: Db, providerId: string, origin = env.ORIGIN): Promise<{ name: string; url: string } | null> {
	if (!isUuid(providerId)) return null;
	const [provider] = await db.select().from(identityProviders).where(eq(identityProviders.id, providerId));
	if (!provider || provider.protocol !== 'oidc') return null;
	try {
		const config = await oidcConfiguration(provider);
		if (!config.serverMetadata().end_session_endpoint) return null;
		const url = client.buildEndSessionUrl(config, {
			client_id: provider.clientId,
			post_logout_redirect_uri: `${origin.replace(/\/$/, '')}/logga-in?utloggad`
		});
		return { name: provider.displayName, url: url.href };
	} catch {
		return null;
	}
}
