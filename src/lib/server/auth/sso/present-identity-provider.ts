import type { IdentityProviderRow } from '../../db/schema';
import { env } from '../../env';
import { certificatePem } from './saml/idp-metadata';

/** The address a provider sends people back to; one per provider, so it never changes once registered. */
export const redirectUriOf = (providerId: string, origin = env.ORIGIN) => `${origin.replace(/\/$/, '')}/logga-in/sso/${providerId}/svar`;

/** A provider for the administrator's page: everything but the secret, of which only its presence is told. */
export function presentIdentityProvider(row: IdentityProviderRow) {
	return {
		id: row.id,
		protocol: row.protocol,
		kind: row.kind,
		displayName: row.displayName,
		issuer: row.issuer,
		clientId: row.clientId,
		hasSecret: !!row.clientSecret,
		allowedDomains: row.allowedDomains.join(', '),
		matchByEmail: row.matchByEmail,
		createUnknown: row.createUnknown,
		defaultRole: row.defaultRole,
		enabled: row.enabled,
		redirectUri: redirectUriOf(row.id),
		// SAML (decision 054): what was read from the metadata, and where from.
		metadataUrl: row.metadataUrl ?? '',
		metadataFetchedAt: row.metadataFetchedAt,
		ssoUrl: row.ssoUrl ?? '',
		certificateCount: row.signingCertificates.length,
		nationalIdAttribute: row.nationalIdAttribute ?? '',
		// The federation's metadata signing certificate, as PEM for the form (a public certificate, not a secret).
		metadataSigningCertificate: row.metadataSigningCertificate ? certificatePem(row.metadataSigningCertificate) : ''
	};
}
export type PresentedIdentityProvider = ReturnType<typeof presentIdentityProvider>;

/** A provider as a button on the sign-in page: its name and where it starts (OIDC and SAML have their own start). */
export const presentSignInOption = (row: Pick<IdentityProviderRow, 'id' | 'displayName' | 'kind' | 'protocol'>) => ({
	id: row.id,
	displayName: row.displayName,
	kind: row.kind,
	href: row.protocol === 'saml' ? `/logga-in/saml/${row.id}` : `/logga-in/sso/${row.id}`
});
