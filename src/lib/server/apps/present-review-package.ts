import type { previewReviewPackage } from './import-review-package';

/**
 * What the package page shows before the import: who signed, the entry, their decision, agreements and
 * classification, and an included agreement file by name, size and hash (never its bytes).
 */
export function presentReviewPackage(pkg: Awaited<ReturnType<typeof previewReviewPackage>>) {
	const { body, agreementFile: f } = pkg;
	return {
		organizer: body.origin.organizer,
		installation: body.origin.installation,
		exportedAt: body.origin.exportedAt,
		keyId: pkg.keyId,
		name: body.tool.name,
		vendor: body.tool.vendor,
		kind: body.tool.kind,
		personalData: body.tool.personalData,
		decision: body.decision,
		agreements: body.agreements,
		classification: pkg.classification,
		agreementFile: f ? { agreement: f.agreement, fileName: f.fileName, size: f.size, sha256: f.sha256 } : null,
		exists: pkg.existingToolId !== null
	};
}
