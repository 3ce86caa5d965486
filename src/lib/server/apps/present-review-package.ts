import type { VerifiedPackage } from './read-review-package';

/** What the package page shows before the import: who signed, the entry, their decision and agreements. */
export function presentReviewPackage(pkg: VerifiedPackage & { existingToolId: string | null }) {
	const { body } = pkg;
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
		exists: pkg.existingToolId !== null
	};
}
