import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { membershipInvitations } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { isUuid } from '../ids';

/** Withdraws the organizer's pending invitation. NOT_FOUND for another organizer's or an answered one. */
export async function cancelInvitation(
	db: Db,
	{ actor, organizerId, invitationId }: { actor: Actor | null; organizerId: string; invitationId: string }
) {
	authorize(actor, 'person.manage', { type: 'organizer', organizerId });
	if (!isUuid(invitationId)) throw new AppError('NOT_FOUND', 'invitation');
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(membershipInvitations)
			.set({ status: 'cancelled', respondedBy: actor.personId, respondedAt: new Date() })
			.where(
				and(
					eq(membershipInvitations.id, invitationId),
					eq(membershipInvitations.organizerId, organizerId),
					eq(membershipInvitations.status, 'pending')
				)
			)
			.returning({ id: membershipInvitations.id });
		if (!row) throw new AppError('NOT_FOUND', 'invitation');
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'membership.cancel_invite',
			entityType: 'invitation',
			entityId: row.id
		});
	});
}
