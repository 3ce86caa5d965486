import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreements, appTools } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { agreementSchema } from './tool-input';

/**
 * Records a data processing agreement (PUB-avtal) for one of the organizer's tools (apps.manage). INVALID beside the
 * field for a missing signer, a day that is not a date, or an end before the start; NOT_FOUND for a tool of another
 * organizer. Audited.
 */
export async function addAgreement(db: Db, opts: { actor: Actor; organizerId: string; toolId: string; input: Record<string, unknown> }) {
	const { actor, organizerId, toolId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const input = parseOrThrow(agreementSchema, opts.input);
	if (input.validTo && input.validTo < input.validFrom) throw invalid('validTo', 'apps_error_ends_before_start');
	return db.transaction(async (tx) => {
		const [tool] = isUuid(toolId)
			? await tx
					.select({ id: appTools.id })
					.from(appTools)
					.where(and(eq(appTools.id, toolId), eq(appTools.organizerId, organizerId)))
			: [];
		if (!tool) throw new AppError('NOT_FOUND', 'no such tool');
		const [row] = await tx
			.insert(appAgreements)
			.values({ organizerId, toolId, ...input, validTo: input.validTo || null, createdBy: actor.personId })
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_agreement.add',
			entityType: 'app_tool',
			entityId: toolId,
			changes: { signer: [null, row.signer], validFrom: [null, row.validFrom], validTo: [null, row.validTo] }
		});
		return row;
	});
}
