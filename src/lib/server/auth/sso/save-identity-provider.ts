import type { Db } from '../../db';
import { isUuid } from '../../ids';
import type { IdentityProviderRow } from '../../db/schema';
import { sealSecret } from '../../crypto/secrets';
import { AppError, parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { oidcProviderSchema } from './provider-input';
import { writeIdentityProvider } from './write-identity-provider';

const AUDITED: (keyof IdentityProviderRow)[] = [
	'kind',
	'displayName',
	'issuer',
	'clientId',
	'allowedDomains',
	'matchByEmail',
	'createUnknown',
	'defaultRole',
	'enabled'
];

/**
 * Adds an OpenID Connect provider to the organizer (no providerId) or changes one of its own. The client secret is
 * sealed (decision 038) and write-only: an empty secret on a change keeps the stored one, and the audit says only
 * that the secret changed, never what it is. Audited as sso.provider_create / sso.provider_update.
 */
export async function saveIdentityProvider(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; providerId?: string; input: Record<string, string | undefined> }
): Promise<IdentityProviderRow> {
	const { actor, organizerId, providerId } = opts;
	authorize(actor, 'sso.manage', { type: 'organizer', organizerId });
	if (providerId !== undefined && !isUuid(providerId)) throw new AppError('NOT_FOUND', 'identity provider');
	const data = parseOrThrow(oidcProviderSchema, opts.input);
	const values = {
		kind: data.kind,
		displayName: data.displayName,
		issuer: data.issuer,
		clientId: data.clientId,
		allowedDomains: data.kind === 'google' ? data.allowedDomains : [],
		matchByEmail: data.matchByEmail,
		createUnknown: data.createUnknown,
		defaultRole: data.defaultRole
	};
	const secret = data.clientSecret.trim() ? { clientSecret: sealSecret(data.clientSecret.trim()) } : {};
	return writeIdentityProvider(db, {
		actor,
		organizerId,
		providerId,
		protocol: 'oidc',
		values: { ...values, ...secret },
		audited: AUDITED,
		extraChanges: { secretChanged: !!secret.clientSecret }
	});
}
