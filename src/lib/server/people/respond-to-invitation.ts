import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, membershipInvitations, roleAssignments, units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { isRole } from '../policies/roles';
import { loadIdentityScope } from './identity-scope';
import { isUuid } from '../ids';

/**
 * Accepts or declines a pending invitation (decision 018). The invited person answers for themselves; a
 * system administrator may answer on their behalf (approving an organizer's request). Accepting makes the
 * person a member and gives the invitation's roles whose units are still the organizer's and not archived.
 * NOT_FOUND for an unknown, answered or someone else's invitation. Audited in the inviting organizer's log.
 */
export async function respondToInvitation(
	db: Db,
	{ actor, invitationId, accept }: { actor: Actor | null; invitationId: string; accept: boolean }
) {
	if (!actor) throw new AppError('UNAUTHENTICATED', 'Inte inloggad');
	if (!isUuid(invitationId)) throw new AppError('NOT_FOUND', 'invitation');
	return db.transaction(async (tx) => {
		const [inv] = await tx
			.select()
			.from(membershipInvitations)
			.where(and(eq(membershipInvitations.id, invitationId), eq(membershipInvitations.status, 'pending')))
			.for('update');
		if (!inv) throw new AppError('NOT_FOUND', 'invitation');
		const scope = await loadIdentityScope(tx, inv.personId);
		// Someone else's invitation is reported as missing, not as forbidden.
		try {
			authorize(actor, 'invitation.respond', scope);
		} catch {
			throw new AppError('NOT_FOUND', 'invitation');
		}
		await tx
			.update(membershipInvitations)
			.set({ status: accept ? 'accepted' : 'declined', respondedBy: actor.personId, respondedAt: new Date() })
			.where(eq(membershipInvitations.id, inv.id));
		const given: string[] = [];
		if (accept) {
			await tx.insert(memberships).values({ organizerId: inv.organizerId, personId: inv.personId }).onConflictDoNothing();
			for (const r of inv.pendingRoles) {
				if (!isRole(r.role) || r.role === 'system_admin') continue;
				if (r.unitId) {
					const [unit] = await tx
						.select({ archivedAt: units.archivedAt })
						.from(units)
						.where(and(eq(units.id, r.unitId), eq(units.organizerId, inv.organizerId)));
					if (!unit || unit.archivedAt) continue;
				}
				await tx.insert(roleAssignments).values({
					personId: inv.personId,
					organizerId: inv.organizerId,
					unitId: r.unitId,
					role: r.role,
					startsOn: r.startsOn,
					endsOn: r.endsOn
				});
				given.push(r.role);
			}
		}
		await recordAudit(tx, {
			organizerId: inv.organizerId,
			actorId: actor.personId,
			action: accept ? 'membership.accept' : 'membership.decline',
			entityType: 'invitation',
			entityId: inv.id,
			changes: accept ? { personId: inv.personId, roles: given } : {}
		});
		return { organizerId: inv.organizerId, personId: inv.personId, accepted: accept };
	});
}
