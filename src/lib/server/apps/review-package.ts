import { z } from 'zod';
import { SCHOOL_FORMS, TOOL_KINDS, TOOL_OUTCOMES, TOOL_SIGN_INS } from '../db/schema/apps';

/** The kind of a signed review package, bound into what is signed. */
export const PACKAGE_KIND = 'rodtrad-review-package/1';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().max(max);

/**
 * The body of a review package (decision 046): who shared it, the register entry, the latest decision with its
 * conditions and reasons, and the agreements' metadata — never a file, nor names of people. `extensions` carries
 * later parts (such as a classification) by name; an installation that does not know one keeps it unread, and the
 * signature covers it all the same.
 */
export const packageBodySchema = z.object({
	origin: z.object({ organizer: text(200).min(1), installation: text(500), exportedAt: z.iso.datetime({ offset: true }) }),
	tool: z.object({
		name: text(200).min(1),
		vendor: text(200),
		kind: z.enum(TOOL_KINDS),
		url: text(500),
		description: text(4000),
		schoolForms: z.array(z.enum(SCHOOL_FORMS)),
		signIn: z.enum(TOOL_SIGN_INS),
		personalData: z.boolean(),
		dataDescription: text(4000),
		storage: text(2000),
		accessibilityUrl: text(500),
		interoperability: text(2000)
	}),
	decision: z
		.object({
			outcome: z.enum(TOOL_OUTCOMES),
			schoolForms: z.array(z.enum(SCHOOL_FORMS)),
			yearFrom: z.number().int().min(0).max(9).nullable(),
			yearTo: z.number().int().min(0).max(9).nullable(),
			conditions: text(4000),
			reasons: text(4000),
			decidedAt: z.iso.datetime({ offset: true })
		})
		.nullable(),
	agreements: z.array(z.object({ counterparty: text(200), validFrom: day, validTo: day.nullable(), subProcessors: text(2000) })).max(20),
	extensions: z.record(z.string(), z.unknown())
});
export type PackageBody = z.infer<typeof packageBodySchema>;

/** A whole package file: the format, the body and its signature. */
export const packageFileSchema = z.object({
	format: z.literal(PACKAGE_KIND),
	body: z.unknown(),
	signature: z.object({
		algorithm: z.literal('Ed25519'),
		publicKey: z.string().max(100),
		keyId: z.string().max(100),
		value: z.string().max(200)
	})
});

/** Largest package file read, in bytes: below the longest form field the server takes (bad-input.ts), since the preview sends it back in one. */
export const MAX_PACKAGE_BYTES = 128 * 1024;
