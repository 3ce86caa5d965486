import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreements, appDecisions, appTools, organizers } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { signBody, signingKey, type SigningKey } from '../crypto/package-signing';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { PACKAGE_KIND, type PackageBody } from './review-package';

/**
 * A tool's review package as a signed JSON text (apps.manage), for another organizer to start from: the register
 * entry, the latest decision with its conditions and reasons, the agreements' dates, counterparties and
 * sub-processors (never a file, a signer's name or the cost), signed with the installation's key (decision 046).
 * `installation` is the address of this installation, shown to the importer. NOT_FOUND for another organizer's
 * tool. Audited as app_tool.export_package.
 */
export async function buildReviewPackage(
	db: Db,
	opts: { actor: Actor; organizerId: string; toolId: string; installation: string; now?: Date; key?: SigningKey }
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
	const [decisions, agreements] = await Promise.all([
		db
			.select()
			.from(appDecisions)
			.where(eq(appDecisions.toolId, tool.id))
			.orderBy(desc(appDecisions.decidedAt), desc(appDecisions.id))
			.limit(1),
		db.select().from(appAgreements).where(eq(appAgreements.toolId, tool.id)).orderBy(desc(appAgreements.validFrom)).limit(20)
	]);
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
		// Later parts of the review (a classification) are added here by name.
		extensions: {}
	};
	const signature = signBody(PACKAGE_KIND, body, opts.key ?? signingKey());
	await recordAudit(db, {
		organizerId,
		actorId: actor.personId,
		action: 'app_tool.export_package',
		entityType: 'app_tool',
		entityId: tool.id,
		changes: { keyId: signature.keyId }
	});
	const slug =
		tool.nameKey
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'verktyg';
	return { fileName: `granskning-${slug}.json`, json: `${JSON.stringify({ format: PACKAGE_KIND, body, signature }, null, 2)}\n` };
}
