import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreementFiles, appAgreements, appClassifications, appDecisions, appTools, organizers } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { signBody, signingKey, type SigningKey } from '../crypto/package-signing';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { PACKAGE_KIND, type PackageBody } from './review-package';

/**
 * A tool's review package as a signed JSON text (apps.manage), for another organizer to start from: the register
 * entry, the latest decision with its conditions and reasons, the agreements' dates, counterparties and
 * sub-processors, the current classification with its rationales (never a signer's, assessor's or decider's name, nor
 * the cost), signed with the installation's key (decision 046). With `includeFile` the signed agreement in force —
 * the current file of the newest agreement that has one — travels too, its bytes covered by the signature (decision
 * 065); without a file there is none to include. `installation` is the address of this installation, shown to the
 * importer. NOT_FOUND for another organizer's tool. Audited as app_tool.export_package (with the file's hash).
 */
export async function buildReviewPackage(
	db: Db,
	opts: { actor: Actor; organizerId: string; toolId: string; installation: string; includeFile?: boolean; now?: Date; key?: SigningKey }
): Promise<{ fileName: string; json: string }> {
	const { actor, organizerId, toolId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const [found] = isUuid(toolId)
		? await db
				.select({ tool: appTools, organizer: organizers.name })
				.from(appTools)
				.innerJoin(organizers, eq(organizers.id, appTools.organizerId))
				.where(and(eq(appTools.id, toolId), eq(appTools.organizerId, organizerId)))
		: [];
	if (!found) throw new AppError('NOT_FOUND', 'no such tool');
	const { tool } = found;
	const [decisions, agreements, classifications] = await Promise.all([
		db
			.select()
			.from(appDecisions)
			.where(eq(appDecisions.toolId, tool.id))
			.orderBy(desc(appDecisions.decidedAt), desc(appDecisions.id))
			.limit(1),
		db
			.select()
			.from(appAgreements)
			.where(eq(appAgreements.toolId, tool.id))
			.orderBy(desc(appAgreements.validFrom), desc(appAgreements.id))
			.limit(20),
		db
			.select()
			.from(appClassifications)
			.where(eq(appClassifications.toolId, tool.id))
			.orderBy(desc(appClassifications.assessedAt), desc(appClassifications.id))
			.limit(1)
	]);
	const c = classifications[0];
	const file = opts.includeFile
		? await agreementFileOf(
				db,
				agreements.map((a) => a.id)
			)
		: null;
	const d = decisions[0];
	const body: PackageBody = {
		origin: { organizer: found.organizer, installation: opts.installation, exportedAt: (opts.now ?? new Date()).toISOString() },
		tool: {
			name: tool.name,
			vendor: tool.vendor,
			kind: tool.kind,
			url: tool.url,
			description: tool.description,
			schoolForms: tool.schoolForms,
			signIn: tool.signIn,
			personalData: tool.personalData,
			dataDescription: tool.dataDescription,
			storage: tool.storage,
			accessibilityUrl: tool.accessibilityUrl,
			interoperability: tool.interoperability
		},
		decision: d
			? {
					outcome: d.outcome,
					schoolForms: d.schoolForms,
					yearFrom: d.yearFrom,
					yearTo: d.yearTo,
					conditions: d.conditions,
					reasons: d.reasons,
					decidedAt: d.decidedAt.toISOString()
				}
			: null,
		agreements: agreements.map((a) => ({
			counterparty: a.counterparty,
			validFrom: a.validFrom,
			validTo: a.validTo,
			subProcessors: a.subProcessors
		})),
		// Later parts of the review are added here by name; an installation that does not know one keeps it unread.
		extensions: {
			...(c && {
				classification: {
					confidentiality: c.confidentiality,
					integrity: c.integrity,
					availability: c.availability,
					traceability: c.traceability,
					confidentialityRationale: c.confidentialityRationale,
					integrityRationale: c.integrityRationale,
					availabilityRationale: c.availabilityRationale,
					traceabilityRationale: c.traceabilityRationale,
					assessedAt: c.assessedAt.toISOString()
				}
			}),
			...(file && {
				agreementFile: {
					agreement: agreements.findIndex((a) => a.id === file.agreementId),
					fileName: file.fileName,
					contentType: 'application/pdf',
					size: file.size,
					sha256: file.sha256,
					content: Buffer.from(file.content).toString('base64')
				}
			})
		}
	};
	const signature = signBody(PACKAGE_KIND, body, opts.key ?? signingKey());
	await recordAudit(db, {
		organizerId,
		actorId: actor.personId,
		action: 'app_tool.export_package',
		entityType: 'app_tool',
		entityId: tool.id,
		changes: { keyId: signature.keyId, file: file ? file.sha256 : null }
	});
	const slug =
		tool.nameKey
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'verktyg';
	return { fileName: `granskning-${slug}.json`, json: `${JSON.stringify({ format: PACKAGE_KIND, body, signature }, null, 2)}\n` };
}

/** The current file of the newest of these agreements (ordered newest first) that has one, with its bytes. */
async function agreementFileOf(db: Db, agreementIds: string[]) {
	if (agreementIds.length === 0) return null;
	const files = await db
		.select()
		.from(appAgreementFiles)
		.where(and(inArray(appAgreementFiles.agreementId, agreementIds), isNull(appAgreementFiles.replacedAt)));
	for (const id of agreementIds) {
		const found = files.find((f) => f.agreementId === id);
		if (found) return found;
	}
	return null;
}
