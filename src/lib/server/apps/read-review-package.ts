import { verifyBody } from '../crypto/package-signing';
import { invalid } from '../errors';
import { toolSchema } from './tool-input';
import { MAX_PACKAGE_BYTES, PACKAGE_KIND, packageBodySchema, packageFileSchema, type PackageBody } from './review-package';

/** A package whose signature holds: its body and the fingerprint of the key that signed it. */
export type VerifiedPackage = { body: PackageBody; keyId: string };

/**
 * Reads and checks a review package file (INVALID 'imports_file_no_file' when there is none): JSON of our format whose signature is a valid Ed25519 signature of its
 * body by the key it carries. INVALID beside the file field otherwise: not JSON or not a package
 * (apps_package_error_format), a signature that does not hold — the file was changed after it was signed
 * (apps_package_error_signature) — or a body that does not follow the format (apps_package_error_content).
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
	return { body: body.data, keyId: check.keyId };
}
