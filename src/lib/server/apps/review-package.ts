import { z } from 'zod';
import { SCHOOL_FORMS, TOOL_KINDS, TOOL_OUTCOMES, TOOL_SIGN_INS } from '../db/schema/apps';
import { MAX_AGREEMENT_FILE_BYTES } from './agreement-file';

/** The kind of a signed review package, bound into what is signed. */
export const PACKAGE_KIND = 'rodtrad-review-package/1';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().max(max);

/**
 * The body of a review package (decision 046): who shared it, the register entry, the latest decision with its
 * conditions and reasons, and the agreements' metadata — never names of people. `extensions` carries later parts by
 * name (`classification`, and `agreementFile` only when the exporter chose to include it, decision 065); an
 * installation that does not know one keeps it unread, and the signature covers it all the same.
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

const level = z.number().int().min(0).max(4);

/** `extensions.classification`: the exporter's current classification with its rationales (no assessor's name). */
export const classificationPartSchema = z.object({
	confidentiality: level,
	integrity: level,
	availability: level,
	traceability: level.nullable(),
	confidentialityRationale: text(4000),
	integrityRationale: text(4000),
	availabilityRationale: text(4000),
	traceabilityRationale: text(4000),
	assessedAt: z.iso.datetime({ offset: true })
});

/**
 * `extensions.agreementFile`: the signed agreement of one of the package's agreements (`agreement` is its index in
 * `agreements`), only when the exporter chose to include it: the PDF's bytes in base64 with their size and SHA-256.
 * The signature covers all of it; the import also checks that the bytes are the ones the hash names, and a PDF.
 */
export const agreementFilePartSchema = z.object({
	agreement: z.number().int().min(0).max(19),
	fileName: text(200).min(1),
	contentType: z.literal('application/pdf'),
	size: z.number().int().min(1).max(MAX_AGREEMENT_FILE_BYTES),
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	content: z
		.string()
		.max(Math.ceil(MAX_AGREEMENT_FILE_BYTES / 3) * 4)
		.regex(/^[A-Za-z0-9+/]*={0,2}$/)
});
export type AgreementFilePart = z.infer<typeof agreementFilePartSchema>;

/**
 * Largest package file read, in bytes: room for an agreement file of MAX_AGREEMENT_FILE_BYTES in base64 (a third
 * more) and the rest of the body, under the server's 8 MB body limit. The file is uploaded and kept server-side
 * between the preview and the confirmation (decision 065), never sent back in a form field.
 */
export const MAX_PACKAGE_BYTES = 7 * 1024 * 1024;
