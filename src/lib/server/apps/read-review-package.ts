import { createHash } from 'node:crypto';
import type { OriginClassification } from '../db/schema';
import { verifyBody } from '../crypto/package-signing';
import { invalid } from '../errors';
import { sniffContentType } from '../support/tickets/check-attachment';
import { toolSchema } from './tool-input';
import {
	agreementFilePartSchema,
	classificationPartSchema,
	MAX_PACKAGE_BYTES,
	PACKAGE_KIND,
	packageBodySchema,
	packageFileSchema,
	type PackageBody
} from './review-package';

/** An agreement file that came in a package and passed its checks, with its bytes. */
export type PackageAgreementFile = {
	agreement: number;
	fileName: string;
	contentType: string;
	size: number;
	sha256: string;
	content: Buffer;
};

/**
 * A package whose signature holds: its body, the fingerprint of the key that signed it, and the parts this
 * installation reads from `extensions` — their classification and, when the exporter included it, an agreement file.
 */
export type VerifiedPackage = {
	body: PackageBody;
	keyId: string;
	classification: OriginClassification | null;
	agreementFile: PackageAgreementFile | null;
};

/**
 * Reads and checks a review package file (INVALID 'imports_file_no_file' when there is none): JSON of our format whose
 * signature is a valid Ed25519 signature of its body by the key it carries. INVALID beside the file field otherwise:
 * too large (apps_package_error_too_large), not JSON or not a package (apps_package_error_format), a signature that does
 * not hold — the file, its agreement file included, was changed after it was signed (apps_package_error_signature) — a
 * body that does not follow the format (apps_package_error_content), or an agreement file whose bytes are not the ones
 * its size and SHA-256 name, or not a PDF (apps_package_error_file).
 */
export function readReviewPackage(text: string): VerifiedPackage {
	if (text.trim() === '') throw invalid('file', 'imports_file_no_file');
	if (text.length > MAX_PACKAGE_BYTES) throw invalid('file', 'apps_package_error_too_large');
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw invalid('file', 'apps_package_error_format');
	}
	const file = packageFileSchema.safeParse(data);
	if (!file.success) throw invalid('file', 'apps_package_error_format');
	const check = verifyBody(PACKAGE_KIND, file.data.body, file.data.signature);
	if (!check.valid) throw invalid('file', 'apps_package_error_signature');
	const body = packageBodySchema.safeParse(file.data.body);
	if (!body.success) throw invalid('file', 'apps_package_error_content');
	// The entry must also pass the register's own rules (web addresses a browser may open, lengths).
	const t = body.data.tool;
	const asForm = { ...t, personalData: t.personalData ? 'on' : undefined, ownerId: '', yearlyCost: '' };
	if (!toolSchema.safeParse(asForm).success) throw invalid('file', 'apps_package_error_content');
	const { classification, agreementFile } = body.data.extensions;
	return {
		body: body.data,
		keyId: check.keyId,
		classification: classification === undefined ? null : readClassification(classification),
		agreementFile: agreementFile === undefined ? null : readAgreementFile(agreementFile, body.data.agreements.length)
	};
}

function readClassification(part: unknown): OriginClassification {
	const parsed = classificationPartSchema.safeParse(part);
	if (!parsed.success) throw invalid('file', 'apps_package_error_content');
	return parsed.data;
}

/** The included agreement file: the bytes must be the ones the signed size and hash name, a PDF, of a listed agreement. */
function readAgreementFile(part: unknown, agreements: number): PackageAgreementFile {
	const parsed = agreementFilePartSchema.safeParse(part);
	if (!parsed.success || parsed.data.agreement >= agreements) throw invalid('file', 'apps_package_error_file');
	const { content: base64, ...meta } = parsed.data;
	const content = Buffer.from(base64, 'base64');
	const sha256 = createHash('sha256').update(content).digest('hex');
	if (content.length !== meta.size || sha256 !== meta.sha256 || sniffContentType(content) !== 'application/pdf')
		throw invalid('file', 'apps_package_error_file');
	return { ...meta, content };
}
