import { z } from 'zod';
import { JIT_ROLES } from '../provider-input';
import { NATIONAL_ID_ATTRIBUTES } from './saml-account';

/** The SAML kinds: Skolfederation's IdPs, or any other SAML 2.0 IdP (ADFS, Entra ID's SAML, Shibboleth). */
export const SAML_KINDS = ['skolfederation', 'saml'] as const;

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on');

/**
 * The add/change form of a SAML provider (decision 054). The metadata comes pasted (`metadataXml`, which an uploaded
 * file fills in) or from an address (`metadataUrl`); on a change, neither keeps what is stored. `entityId` picks the
 * IdP out of a federation's aggregate. The personnummer attribute is empty (never read) unless chosen.
 */
export const samlProviderSchema = z.object({
	kind: z.enum(SAML_KINDS, { message: 'sso_error_kind' }),
	displayName: z.string({ message: 'sso_error_name' }).trim().min(1, 'sso_error_name').max(100, 'sso_error_too_long'),
	metadataXml: z.string().optional().default(''),
	metadataUrl: z.string().trim().max(1000, 'sso_error_too_long').optional().default(''),
	entityId: z.string().trim().max(500, 'sso_error_too_long').optional().default(''),
	matchByEmail: checkbox,
	createUnknown: checkbox,
	defaultRole: z.enum(JIT_ROLES, { message: 'sso_error_role' }).optional().default('staff'),
	/** The federation's metadata signing certificate, PEM or bare base64; empty: metadata signatures not checked. */
	metadataSigningCertificate: z.string().max(20_000, 'sso_error_too_long').optional().default(''),
	nationalIdAttribute: z
		.union([z.literal(''), z.enum(Object.keys(NATIONAL_ID_ATTRIBUTES) as [keyof typeof NATIONAL_ID_ATTRIBUTES])], {
			message: 'saml_error_national_id'
		})
		.optional()
		.default('')
});
export type SamlProviderData = z.output<typeof samlProviderSchema>;
