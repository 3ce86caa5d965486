import { z } from 'zod';
import { env } from '../../env';

/** The OIDC kinds an administrator can add today (SAML/Skolfederation comes with its own form, decision 050). */
export const OIDC_KINDS = ['entra', 'google', 'generic'] as const;
export type OidcKind = (typeof OIDC_KINDS)[number];

/** Roles a person created just-in-time may get: the everyday ones, never an administrator's. */
export const JIT_ROLES = ['staff', 'student', 'guardian', 'reader'] as const;

export const GOOGLE_ISSUER = 'https://accounts.google.com';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether plain http is acceptable for an issuer: only on this machine, and only where private issuers are allowed (tests). */
export const isLoopbackHttp = (url: URL) => url.protocol === 'http:' && LOOPBACK.has(url.hostname) && env.SSO_ALLOW_PRIVATE_ISSUERS;

/**
 * Entra ID's multi-tenant issuers: their id tokens carry the tenant's own issuer, so strict issuer checks fail, and
 * any tenant's account could reach the callback. A tenant-specific issuer is required (decision 050).
 */
const ENTRA_SHARED_TENANTS = new Set(['common', 'organizations', 'consumers']);

/** The problem with an issuer for its kind, as a message key, or null when it will do. */
export function issuerProblem(kind: OidcKind, issuer: string): string | null {
	let url: URL;
	try {
		url = new URL(issuer);
	} catch {
		return 'sso_error_issuer';
	}
	if (url.protocol !== 'https:' && !isLoopbackHttp(url)) return 'sso_error_issuer_https';
	if (url.search || url.hash || url.username || url.password) return 'sso_error_issuer';
	if (kind === 'entra') {
		const tenant = url.pathname.split('/').filter(Boolean)[0]?.toLowerCase() ?? '';
		if (ENTRA_SHARED_TENANTS.has(tenant)) return 'sso_error_entra_common';
		if (!tenant) return 'sso_error_entra_tenant';
	}
	if (kind === 'google' && issuer.replace(/\/$/, '') !== GOOGLE_ISSUER) return 'sso_error_google_issuer';
	return null;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "exempel.se, skola.exempel.se" → ['exempel.se', 'skola.exempel.se']. */
export const splitDomains = (text: string) =>
	text
		.split(/[\s,;]+/)
		.map((d) => d.trim().toLowerCase())
		.filter(Boolean);

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on');

/** The add/change form of an OIDC provider. An empty secret on a change keeps the stored one. */
export const oidcProviderSchema = z
	.object({
		kind: z.enum(OIDC_KINDS, { message: 'sso_error_kind' }),
		displayName: z.string({ message: 'sso_error_name' }).trim().min(1, 'sso_error_name').max(100, 'sso_error_too_long'),
		issuer: z
			.string({ message: 'sso_error_issuer' })
			.trim()
			.min(1, 'sso_error_issuer')
			.max(500, 'sso_error_too_long')
			.transform((v) => v.replace(/\/+$/, '')),
		clientId: z.string({ message: 'sso_error_client_id' }).trim().min(1, 'sso_error_client_id').max(300, 'sso_error_too_long'),
		clientSecret: z.string().max(2000, 'sso_error_too_long').optional().default(''),
		allowedDomains: z
			.string()
			.max(2000, 'sso_error_too_long')
			.optional()
			.default('')
			.transform(splitDomains)
			.refine((ds) => ds.every((d) => DOMAIN.test(d)), 'sso_error_domains'),
		matchByEmail: checkbox,
		createUnknown: checkbox,
		defaultRole: z.enum(JIT_ROLES, { message: 'sso_error_role' }).optional().default('staff')
	})
	.superRefine((v, ctx) => {
		const problem = issuerProblem(v.kind, v.kind === 'google' && !v.issuer ? GOOGLE_ISSUER : v.issuer);
		if (problem) ctx.addIssue({ code: 'custom', path: ['issuer'], message: problem });
		if (v.kind === 'google' && v.allowedDomains.length === 0)
			ctx.addIssue({ code: 'custom', path: ['allowedDomains'], message: 'sso_error_google_domains' });
	});
export type OidcProviderInput = z.input<typeof oidcProviderSchema>;
export type OidcProviderData = z.output<typeof oidcProviderSchema>;
