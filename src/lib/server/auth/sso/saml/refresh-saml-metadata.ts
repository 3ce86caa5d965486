import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db';
import { isUuid } from '../../../ids';
import { identityProviders, type IdentityProviderRow } from '../../../db/schema';
import { diffFields, recordAudit } from '../../../audit/record-audit';
import { AppError, isAppError } from '../../../errors';
import { authorize, type Actor } from '../../../policies';
import { fetchIdpMetadata } from './fetch-idp-metadata';
import { parseIdpMetadata } from './idp-metadata';
import { verifyMetadataSignature } from './metadata-signature';

/**
 * Reads a SAML provider's metadata again from its address (signed by the federation when the provider has its
 * certificate) and stores what changed (a new signing certificate when
 * the IdP rolls its key, a moved SSO address). The entityID must stay the same: another entity at the address is
 * refused. Audited as sso.metadata_refresh, by the administrator (`actor`) or the daily job (no actor). Throws INVALID
 * on `metadataUrl` when the fetch or the document fails; nothing is changed then.
 */
export async function refreshSamlMetadata(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; providerId: string; system?: boolean; allowPrivate?: boolean }
): Promise<{ changed: boolean }> {
	if (!opts.system) authorize(opts.actor, 'sso.manage', { type: 'organizer', organizerId: opts.organizerId });
	if (!isUuid(opts.providerId)) throw new AppError('NOT_FOUND', 'identity provider');
	const [provider] = await db
		.select()
		.from(identityProviders)
		.where(and(eq(identityProviders.id, opts.providerId), eq(identityProviders.organizerId, opts.organizerId)));
	if (!provider || provider.protocol !== 'saml') throw new AppError('NOT_FOUND', 'identity provider');
	if (!provider.metadataUrl) throw new AppError('INVALID', 'no metadata address', [{ field: 'metadataUrl', message: 'saml_error_no_url' }]);
	const fetched = await fetchIdpMetadata(provider.metadataUrl, { allowPrivate: opts.allowPrivate });
	const metadata = parseIdpMetadata(
		provider.metadataSigningCertificate ? verifyMetadataSignature(fetched, provider.metadataSigningCertificate, 'metadataUrl') : fetched,
		{ entityId: provider.issuer, field: 'metadataUrl' }
	);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(identityProviders)
			.set({ ssoUrl: metadata.ssoUrl, signingCertificates: metadata.certificates, metadataFetchedAt: new Date(), updatedAt: new Date() })
			.where(eq(identityProviders.id, provider.id))
			.returning();
		const changes = diffFields(provider, row, ['ssoUrl', 'signingCertificates']);
		await recordAudit(tx, {
			organizerId: provider.organizerId,
			actorId: opts.actor?.personId ?? null,
			action: 'sso.metadata_refresh',
			entityType: 'identity_provider',
			entityId: provider.id,
			changes
		});
		return { changed: Object.keys(changes).length > 0 };
	});
}

/**
 * The daily job's work: every enabled SAML provider with a metadata address is read again. One that fails keeps what
 * it had (its sign-ins go on with the stored certificates) and is counted; the next day tries again.
 */
export async function refreshAllSamlMetadata(db: Db): Promise<{ refreshed: number; failed: number }> {
	const rows: Pick<IdentityProviderRow, 'id' | 'organizerId'>[] = await db
		.select({ id: identityProviders.id, organizerId: identityProviders.organizerId })
		.from(identityProviders)
		.where(and(eq(identityProviders.protocol, 'saml'), eq(identityProviders.enabled, true), isNotNull(identityProviders.metadataUrl)));
	let refreshed = 0;
	let failed = 0;
	for (const row of rows) {
		try {
			await refreshSamlMetadata(db, { actor: null, organizerId: row.organizerId, providerId: row.id, system: true });
			refreshed++;
		} catch (e) {
			if (!isAppError(e)) throw e;
			failed++;
		}
	}
	return { refreshed, failed };
}
