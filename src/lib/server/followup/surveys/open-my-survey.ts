import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveyInvitations, surveys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { newToken, hashToken } from '../../auth/tokens';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import type { Actor } from '../../policies';

/**
 * Opens one of the signed-in person's own invitations from "Mina enkäter": the link is stored only as a hash, so a
 * new one-use token replaces it (the mailed link stops working) and the caller redirects to it. Someone else's or an
 * answered invitation is NOT_FOUND. Audited survey.open_link.
 */
export async function openMySurvey(db: Db, opts: { actor: Actor | null; invitationId: string }): Promise<string> {
	const actor = opts.actor;
	if (!actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
	if (!isUuid(opts.invitationId)) throw new AppError('NOT_FOUND', 'survey invitation');
	const token = newToken();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ id: surveyInvitations.id, organizerId: surveyInvitations.organizerId, status: surveys.status })
			.from(surveyInvitations)
			.innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
			.where(
				and(
					eq(surveyInvitations.id, opts.invitationId),
					eq(surveyInvitations.personId, actor.personId),
					isNull(surveyInvitations.answeredAt)
				)
			)
			.for('update', { of: surveyInvitations });
		if (!row || row.status !== 'open') throw new AppError('NOT_FOUND', 'survey invitation');
		await tx
			.update(surveyInvitations)
			.set({ tokenHash: hashToken(token) })
			.where(eq(surveyInvitations.id, row.id));
		await recordAudit(tx, {
			organizerId: row.organizerId,
			actorId: actor.personId,
			action: 'survey.open_link',
			entityType: 'survey_invitation',
			entityId: row.id
		});
		return token;
	});
}
