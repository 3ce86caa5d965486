import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreementFiles, appAgreements, appOriginAgreementFiles } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';

/**
 * One file of one of a tool's agreements, the one in force or an earlier one, with its bytes, for whoever reads the
 * register's agreements (apps.register) — or the file of another organizer's agreement that came with their review
 * package (decision 065). NOT_FOUND for a file of another tool or organizer or a malformed id.
 */
export async function getAgreementFile(db: Db, opts: { actor: Actor; organizerId: string; toolId: string; fileId: string }) {
	const { actor, organizerId, toolId, fileId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const [found] =
		isUuid(toolId) && isUuid(fileId)
			? await db
					.select({ file: appAgreementFiles })
					.from(appAgreementFiles)
					.innerJoin(appAgreements, eq(appAgreements.id, appAgreementFiles.agreementId))
					.where(and(eq(appAgreementFiles.id, fileId), eq(appAgreements.toolId, toolId), eq(appAgreementFiles.organizerId, organizerId)))
			: [];
	if (found) return found.file;
	const [theirs] =
		isUuid(toolId) && isUuid(fileId)
			? await db
					.select()
					.from(appOriginAgreementFiles)
					.where(
						and(
							eq(appOriginAgreementFiles.id, fileId),
							eq(appOriginAgreementFiles.toolId, toolId),
							eq(appOriginAgreementFiles.organizerId, organizerId)
						)
					)
			: [];
	if (!theirs) throw new AppError('NOT_FOUND', 'no such file');
	return theirs;
}
