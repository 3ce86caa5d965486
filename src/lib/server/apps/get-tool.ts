import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreementFiles, appAgreements, appDecisions, appOriginAgreementFiles, appReviewComments, appTools, people } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { agreementState, mayApprove } from './agreement-state';

/**
 * One tool of the register (apps.register) with its agreements (newest first), its decisions (newest first, the
 * first being its standing), the owner's and deciders' names, the agreement state today and whether it may be
 * approved now, and the agreements' files without their bytes (the one in force first, then earlier ones, newest
 * first), the agreement files that came with another organizer's review (`originFiles`, without bytes), and the
 * comments on its review, oldest first. NOT_FOUND for a tool of another organizer or a malformed id.
 */
export async function getTool(db: Db, opts: { actor: Actor; organizerId: string; toolId: string; today?: string }) {
	const { actor, organizerId, toolId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const [tool] = isUuid(toolId)
		? await db
				.select()
				.from(appTools)
				.where(and(eq(appTools.id, toolId), eq(appTools.organizerId, organizerId)))
		: [];
	if (!tool) throw new AppError('NOT_FOUND', 'no such tool');
	const [owner, agreements, decisions, files, comments, originFiles] = await Promise.all([
		tool.ownerId ? db.select({ name: people.name }).from(people).where(eq(people.id, tool.ownerId)) : Promise.resolve([]),
		db.select().from(appAgreements).where(eq(appAgreements.toolId, tool.id)).orderBy(desc(appAgreements.validFrom), asc(appAgreements.id)),
		db
			.select({ decision: appDecisions, decidedByName: people.name })
			.from(appDecisions)
			.innerJoin(people, eq(people.id, appDecisions.decidedBy))
			.where(eq(appDecisions.toolId, tool.id))
			.orderBy(desc(appDecisions.decidedAt), desc(appDecisions.id)),
		db
			.select({
				id: appAgreementFiles.id,
				agreementId: appAgreementFiles.agreementId,
				fileName: appAgreementFiles.fileName,
				size: appAgreementFiles.size,
				sha256: appAgreementFiles.sha256,
				createdAt: appAgreementFiles.createdAt,
				replacedAt: appAgreementFiles.replacedAt,
				uploadedByName: people.name
			})
			.from(appAgreementFiles)
			.innerJoin(appAgreements, eq(appAgreements.id, appAgreementFiles.agreementId))
			.innerJoin(people, eq(people.id, appAgreementFiles.uploadedBy))
			.where(eq(appAgreements.toolId, tool.id))
			.orderBy(desc(appAgreementFiles.createdAt), desc(appAgreementFiles.id)),
		db
			.select({ id: appReviewComments.id, body: appReviewComments.body, createdAt: appReviewComments.createdAt, authorName: people.name })
			.from(appReviewComments)
			.innerJoin(people, eq(people.id, appReviewComments.authorId))
			.where(eq(appReviewComments.toolId, tool.id))
			.orderBy(asc(appReviewComments.createdAt), asc(appReviewComments.id)),
		tool.origin
			? db
					.select({
						id: appOriginAgreementFiles.id,
						agreementIndex: appOriginAgreementFiles.agreementIndex,
						fileName: appOriginAgreementFiles.fileName,
						size: appOriginAgreementFiles.size,
						sha256: appOriginAgreementFiles.sha256
					})
					.from(appOriginAgreementFiles)
					.where(eq(appOriginAgreementFiles.toolId, tool.id))
			: Promise.resolve([])
	]);
	const state = agreementState(agreements, { today: opts.today ?? todayInStockholm(), personalData: tool.personalData });
	return {
		tool,
		ownerName: owner[0]?.name ?? null,
		agreements: agreements.map((a) => {
			const own = files.filter((f) => f.agreementId === a.id);
			return { ...a, file: own.find((f) => f.replacedAt === null) ?? null, earlierFiles: own.filter((f) => f.replacedAt !== null) };
		}),
		decisions: decisions.map((d) => ({ ...d.decision, decidedByName: d.decidedByName })),
		agreement: state,
		mayApprove: mayApprove(state.state, tool.personalData),
		comments,
		originFiles,
		canManage: can(actor, 'apps.manage', { type: 'apps', organizerId }),
		canComment: can(actor, 'apps.comment', { type: 'apps', organizerId })
	};
}
