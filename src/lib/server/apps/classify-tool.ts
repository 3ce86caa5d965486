import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appClassifications, appTools } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, parseOrThrow, throwIfIssues } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { checkClassification, classificationSchema } from './classification-input';

/**
 * Classifies the information one of the organizer's tools handles (apps.manage): confidentiality, integrity and
 * availability 0–4, and traceability 0–4 exactly when the tool handles personal data, each level of 2 or more with a
 * rationale. A new classification is a new row and becomes the current one; the earlier ones stay as history.
 * INVALID beside the field; NOT_FOUND for a tool of another organizer. Audited.
 */
export async function classifyTool(db: Db, opts: { actor: Actor; organizerId: string; toolId: string; input: Record<string, unknown> }) {
	const { actor, organizerId, toolId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const input = parseOrThrow(classificationSchema, opts.input);
	return db.transaction(async (tx) => {
		const [tool] = isUuid(toolId)
			? await tx
					.select({ id: appTools.id, personalData: appTools.personalData })
					.from(appTools)
					.where(and(eq(appTools.id, toolId), eq(appTools.organizerId, organizerId)))
			: [];
		if (!tool) throw new AppError('NOT_FOUND', 'no such tool');
		throwIfIssues(checkClassification(input, tool.personalData));
		const [row] = await tx
			.insert(appClassifications)
			.values({ organizerId, toolId: tool.id, ...input, assessedBy: actor.personId })
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_tool.classify',
			entityType: 'app_tool',
			entityId: tool.id,
			changes: {
				confidentiality: [null, row.confidentiality],
				integrity: [null, row.integrity],
				availability: [null, row.availability],
				traceability: [null, row.traceability]
			}
		});
		return row;
	});
}
