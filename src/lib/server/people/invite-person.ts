import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { membershipInvitations, organizers, type PendingRole } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { env } from '../env';
import { bilingualMail } from '../mail/bilingual-mail';
import { sendMail } from '../mail/send-mail';
import type { Actor } from '../policies';

/**
 * Invites an existing person (whose identity belongs to the installation) to the organizer, inside the
 * caller's transaction and after the caller has authorized person.manage. A pending invitation for the same
 * person is reused (the new roles are added to it). The person gets a mail that tells them where to answer.
 * Audited as membership.invite with only what the administrator typed.
 */
export async function invitePerson(
	tx: Db,
	opts: { actor: Actor; organizerId: string; personId: string; email: string; invitedName: string; roles?: PendingRole[] }
): Promise<{ invitationId: string }> {
	const { actor, organizerId, personId } = opts;
	const [pending] = await tx
		.select()
		.from(membershipInvitations)
		.where(
			and(
				eq(membershipInvitations.organizerId, organizerId),
				eq(membershipInvitations.personId, personId),
				eq(membershipInvitations.status, 'pending')
			)
		);
	if (pending) {
		if (opts.roles?.length) {
			await tx
				.update(membershipInvitations)
				.set({ pendingRoles: [...pending.pendingRoles, ...opts.roles] })
				.where(eq(membershipInvitations.id, pending.id));
		}
		return { invitationId: pending.id };
	}
	const [row] = await tx
		.insert(membershipInvitations)
		.values({
			organizerId,
			personId,
			invitedName: opts.invitedName,
			invitedEmail: opts.email,
			pendingRoles: opts.roles ?? [],
			invitedBy: actor.personId
		})
		.returning({ id: membershipInvitations.id });
	const [org] = await tx.select({ name: organizers.name }).from(organizers).where(eq(organizers.id, organizerId));
	const mail = bilingualMail((locale) => ({
		subject: m.identity_mail_invite_subject({ organizer: org.name }, { locale }),
		paragraphs: [
			m.identity_mail_invite_intro({ organizer: org.name }, { locale }),
			`${env.ORIGIN}/konto/inbjudningar`,
			m.identity_mail_invite_ignore({}, { locale }),
			m.account_mail_automatic({}, { locale })
		]
	}));
	// Instance-level mail: the inviting organizer's administrators must not read what the person is told.
	await sendMail(tx, { organizerId: null, to: opts.email, ...mail });
	await recordAudit(tx, {
		organizerId,
		actorId: actor.personId,
		action: 'membership.invite',
		entityType: 'invitation',
		entityId: row.id,
		changes: { email: opts.email, name: opts.invitedName }
	});
	return { invitationId: row.id };
}
