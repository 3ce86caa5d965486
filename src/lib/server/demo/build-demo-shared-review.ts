import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { appOriginAgreementFiles, appTools, type ToolOrigin } from '../db/schema';
import { nameKey } from '../apps/save-tool';
import { keyringOf } from '../crypto/secrets';
import { signingKey } from '../crypto/package-signing';

/** The neighbouring organizer whose review the demo imported; a made-up name. */
export const DEMO_NEIGHBOUR = 'Grannby kommun';
/** The tool whose review came from the neighbour. */
export const DEMO_SHARED_TOOL = 'Stavningsstjärnan';

/** A tiny made-up PDF standing in for the neighbour's signed agreement. */
const AGREEMENT_PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj\n<< /Title (Personuppgiftsbitradesavtal Stavningsstjarnan - exempel) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'
);

/**
 * A review imported from a neighbouring organizer (issue 18 item 6, decisions 046 and 065): a new, undecided entry in
 * Exempelkommun's register whose origin holds Grannby kommun's decision, agreement (with its file, as when the exporter
 * ticked it), and classification with rationales — the starting point for Exempelkommun's own review. The signing key
 * is derived from a fixed demo seed, so its fingerprint is a real one and stays the same between loads.
 */
export async function buildDemoSharedReview(
	tx: Db,
	opts: { organizerId: string; day: (offset: number) => string; importedBy: string; now?: Date }
) {
	const now = opts.now ?? new Date();
	const key = signingKey(keyringOf(createHash('sha256').update('rodtrad demo: Grannby kommun').digest()));
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
	const origin: ToolOrigin = {
		organizer: DEMO_NEIGHBOUR,
		installation: 'https://rodtrad.grannby.example',
		keyId: key.keyId,
		exportedAt: at(12),
		importedAt: at(10),
		decision: {
			outcome: 'approved_with_conditions',
			schoolForms: ['compulsory'],
			yearFrom: 1,
			yearTo: 6,
			conditions: 'Eleverna loggar in med skolans konton. Inga omdömen skrivs i appen.',
			reasons: '',
			decidedAt: at(40)
		},
		agreements: [
			{ counterparty: 'Bokstavshuset AB', validFrom: opts.day(-200), validTo: opts.day(530), subProcessors: 'Serverhallen AB (Sverige)' }
		],
		classification: {
			confidentiality: 2,
			integrity: 1,
			availability: 1,
			traceability: 1,
			confidentialityRationale: 'Elevers namn och skrivövningar; inga känsliga uppgifter.',
			integrityRationale: '',
			availabilityRationale: '',
			traceabilityRationale: '',
			assessedAt: at(45)
		}
	};
	const [tool] = await tx
		.insert(appTools)
		.values({
			organizerId: opts.organizerId,
			name: DEMO_SHARED_TOOL,
			nameKey: nameKey(DEMO_SHARED_TOOL),
			vendor: 'Bokstavshuset AB',
			kind: 'app',
			description: 'Stavningsövningar med uppläsning för de yngre åldrarna.',
			schoolForms: ['preschool_class', 'compulsory'],
			signIn: 'sso',
			personalData: true,
			dataDescription: 'Elevers namn, klass och resultat på övningarna.',
			storage: 'Sverige',
			origin
		})
		.returning({ id: appTools.id });
	await tx.insert(appOriginAgreementFiles).values({
		organizerId: opts.organizerId,
		toolId: tool.id,
		agreementIndex: 0,
		fileName: 'PUB-avtal Stavningsstjärnan.pdf',
		contentType: 'application/pdf',
		size: AGREEMENT_PDF.length,
		sha256: createHash('sha256').update(AGREEMENT_PDF).digest('hex'),
		content: AGREEMENT_PDF,
		importedBy: opts.importedBy
	});
	return tool.id;
}
