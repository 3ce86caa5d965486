import type { Db } from '../../../db';
import { isUuid } from '../../../ids';
import { and, eq } from 'drizzle-orm';
import { identityProviders, type IdentityProviderRow } from '../../../db/schema';
import { AppError, invalid, parseOrThrow } from '../../../errors';
import { authorize, type Actor } from '../../../policies';
import { fetchIdpMetadata } from './fetch-idp-metadata';
import { parseIdpMetadata, readCertificate, type IdpMetadata } from './idp-metadata';
import { verifyMetadataSignature } from './metadata-signature';
import { samlProviderSchema } from './saml-provider-input';
import { writeIdentityProvider } from '../write-identity-provider';

export const SAML_AUDITED: (keyof IdentityProviderRow)[] = [
	'kind',
	'displayName',
	'issuer',
	'ssoUrl',
	'signingCertificates',
	'metadataUrl',
	'matchByEmail',
	'createUnknown',
	'defaultRole',
	'nationalIdAttribute',
	'metadataSigningCertificate',
	'enabled'
];

/**
 * Adds a SAML identity provider to the organizer (no providerId) or changes one of its own (decision 054). The IdP's
 * entityID, SSO address and signing certificates are read from metadata — pasted or uploaded (`metadataXml`), or
 * fetched from `metadataUrl` through the address guard — and stored; on a change without new metadata the stored ones
 * stay. Audited as sso.provider_create / sso.provider_update.
 */
export async function saveSamlProvider(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; providerId?: string; input: Record<string, string | undefined>; allowPrivate?: boolean }
): Promise<IdentityProviderRow> {
	const { actor, organizerId, providerId } = opts;
	authorize(actor, 'sso.manage', { type: 'organizer', organizerId });
	if (providerId !== undefined && !isUuid(providerId)) throw new AppError('NOT_FOUND', 'identity provider');
	const data = parseOrThrow(samlProviderSchema, opts.input);
	const signingCertificate = readCertificate(data.metadataSigningCertificate, 'metadataSigningCertificate') || null;
	// With the federation's certificate, only what its signature covers is read (decision 054 addendum).
	const read = (xml: string, field: string, entityId = data.entityId) =>
		parseIdpMetadata(signingCertificate ? verifyMetadataSignature(xml, signingCertificate, field) : xml, { entityId, field });
	let metadata: IdpMetadata | null = null;
	if (data.metadataXml.trim()) metadata = read(data.metadataXml, 'metadataXml');
	else if (data.metadataUrl) metadata = read(await fetchIdpMetadata(data.metadataUrl, { allowPrivate: opts.allowPrivate }), 'metadataUrl');
	else if (!providerId) throw invalid('metadataXml', 'saml_error_metadata_missing');
	else if (signingCertificate) {
		// A new federation certificate without new metadata: what is stored must pass it, read again from its address.
		const [stored] = await db
			.select({
				url: identityProviders.metadataUrl,
				certificate: identityProviders.metadataSigningCertificate,
				issuer: identityProviders.issuer
			})
			.from(identityProviders)
			.where(and(eq(identityProviders.id, providerId), eq(identityProviders.organizerId, organizerId)));
		if (stored && stored.certificate !== signingCertificate) {
			if (!stored.url) throw invalid('metadataSigningCertificate', 'saml_error_certificate_needs_metadata');
			const fetched = await fetchIdpMetadata(stored.url, { allowPrivate: opts.allowPrivate });
			metadata = read(fetched, 'metadataSigningCertificate', stored.issuer);
			data.metadataUrl = stored.url;
		}
	}
	const values = {
		kind: data.kind,
		displayName: data.displayName,
		matchByEmail: data.matchByEmail,
		createUnknown: data.createUnknown,
		defaultRole: data.defaultRole,
		nationalIdAttribute: data.nationalIdAttribute || null,
		metadataSigningCertificate: signingCertificate,
		...(metadata
			? {
					issuer: metadata.entityId,
					ssoUrl: metadata.ssoUrl,
					signingCertificates: metadata.certificates,
					// Pasted or uploaded metadata has no address to refresh from.
					metadataUrl: data.metadataXml.trim() ? null : data.metadataUrl,
					metadataFetchedAt: new Date()
				}
			: {})
	};
	return writeIdentityProvider(db, { actor, organizerId, providerId, protocol: 'saml', values, audited: SAML_AUDITED });
}
