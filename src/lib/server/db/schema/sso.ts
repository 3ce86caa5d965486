import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers } from './org';

/**
 * A way in for one organizer's people (issue 16, decision 050): an OpenID Connect provider (Entra ID, Google
 * Workspace or any other) or, later, a SAML 2.0 identity provider (Skolfederation). Configured by the organizer's
 * administrator; the client secret is sealed at rest (decision 038) and never shown again.
 */
export const identityProviders = pgTable(
	'identity_providers',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** oidc | saml */
		protocol: text('protocol').notNull(),
		/** entra | google | generic | skolfederation */
		kind: text('kind').notNull(),
		/** What the button on the sign-in page says, e.g. "Exempelkommuns konto". */
		displayName: text('display_name').notNull(),
		/** The OIDC issuer (tenant-specific for Entra ID) or the SAML IdP's entityID. */
		issuer: text('issuer').notNull(),
		/** The OIDC client id (SAML: unused). */
		clientId: text('client_id').notNull().default(''),
		/** The OIDC client secret, sealed with sealSecret (decision 038); null for a public client. */
		clientSecret: text('client_secret'),
		/** Google Workspace: the hosted domains (`hd` claim) whose accounts may sign in; lower case. */
		allowedDomains: text('allowed_domains').array().notNull().default([]),
		/** Whether an unlinked account is linked to the person with the same verified e-mail. */
		matchByEmail: boolean('match_by_email').notNull().default(false),
		/** Whether an unknown account becomes a new person of the organizer (just-in-time) with defaultRole. */
		createUnknown: boolean('create_unknown').notNull().default(false),
		/** The organizer-level role a person created just-in-time gets (a Role). */
		defaultRole: text('default_role').notNull().default('staff'),
		enabled: boolean('enabled').notNull().default(true),
		/** SAML (decision 054): where the IdP's metadata was fetched from, when it was read from a URL; null for pasted or uploaded. */
		metadataUrl: text('metadata_url'),
		/** SAML: when the metadata was last read (pasted, uploaded or fetched). */
		metadataFetchedAt: timestamp('metadata_fetched_at', { withTimezone: true }),
		/** SAML: the IdP's SingleSignOnService address for the HTTP-Redirect binding, from its metadata. */
		ssoUrl: text('sso_url'),
		/** SAML: the IdP's signing certificates (base64 DER, no PEM armour), from its metadata; any of them may sign. */
		signingCertificates: text('signing_certificates').array().notNull().default([]),
		/**
		 * SAML: the attribute that carries a personnummer (norEduPersonNIN or schacPersonalUniqueID), only when the
		 * organizer maps it explicitly; null (the default) means such attributes are never read. Stored only as a keyed
		 * hash (decision 054).
		 */
		nationalIdAttribute: text('national_id_attribute'),
		/**
		 * SAML: the federation's metadata signing certificate (base64 DER). When set, every metadata document read for
		 * this provider — fetched, refreshed, pasted or uploaded — must carry the federation's signature over its root
		 * (decision 054 addendum); null: not checked.
		 */
		metadataSigningCertificate: text('metadata_signing_certificate'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('identity_providers_organizer_idx').on(t.organizerId)]
);

/**
 * A sign-in begun at a provider and not yet back (decision 050): state, nonce and the PKCE verifier. The browser
 * holds a random token in a short-lived cookie; only its SHA-256 is the key. Used once, then deleted.
 */
export const ssoSignInAttempts = pgTable('sso_sign_in_attempts', {
	tokenHash: text('token_hash').primaryKey(),
	providerId: uuid('provider_id')
		.notNull()
		.references(() => identityProviders.id),
	state: text('state').notNull(),
	nonce: text('nonce').notNull(),
	codeVerifier: text('code_verifier').notNull(),
	/** Where to go after signing in (a safe local path). */
	redirectTo: text('redirect_to').notNull().default('/'),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	createdAt: createdAt()
});

/** One identity provider row. */
export type IdentityProviderRow = typeof identityProviders.$inferSelect;
