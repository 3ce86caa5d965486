import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreementFiles, appAgreements } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import type { IncomingFile } from '../support/tickets/check-attachment';
import { checkAgreementFile } from './agreement-file';

/**
 * Attaches the signed agreement (a PDF) to one of a tool's agreements (apps.manage). A file already there is kept as
 * history (its `replacedAt` set) and the new one is in force. INVALID beside `file` for a missing, empty, too large or
 * not-PDF file, nothing written; NOT_FOUND for an agreement of another tool or organizer. Audited as
 * app_agreement.attach_file with the old and new names and the new file's hash.
 */
export async function attachAgreementFile(
	db: Db,
	opts: { actor: Actor; organizerId: string; toolId: string; agreementId: string; file: IncomingFile | null; now?: Date }
) {
	const { actor, organizerId, toolId, agreementId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const checked = checkAgreementFile(opts.file);
	return db.transaction(async (tx) => {
		const [agreement] =
			isUuid(toolId) && isUuid(agreementId)
				? await tx
						.select({ id: appAgreements.id })
						.from(appAgreements)
						.where(and(eq(appAgreements.id, agreementId), eq(appAgreements.toolId, toolId), eq(appAgreements.organizerId, organizerId)))
						.for('update')
				: [];
		if (!agreement) throw new AppError('NOT_FOUND', 'no such agreement');
		const replaced = await tx
			.update(appAgreementFiles)
			.set({ replacedAt: opts.now ?? new Date() })
			.where(and(eq(appAgreementFiles.agreementId, agreement.id), isNull(appAgreementFiles.replacedAt)))
			.returning({ fileName: appAgreementFiles.fileName });
		const [row] = await tx
			.insert(appAgreementFiles)
			.values({ organizerId, agreementId: agreement.id, ...checked, uploadedBy: actor.personId })
			.returning({ id: appAgreementFiles.id, fileName: appAgreementFiles.fileName, sha256: appAgreementFiles.sha256 });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_agreement.attach_file',
			entityType: 'app_tool',
			entityId: toolId,
			changes: { agreement: [null, agreement.id], file: [replaced[0]?.fileName ?? null, row.fileName], sha256: [null, row.sha256] }
		});
		return row;
	});
}
