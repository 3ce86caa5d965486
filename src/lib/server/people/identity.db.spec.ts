// Covers: createPerson, updatePerson, deactivatePerson, getPersonById, respondToInvitation, cancelInvitation, findOwnInvitations, findOrganizerInvitations, getAnsweredInvitation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { memberships, membershipInvitations, outbox, passwordResets, people, roleAssignments, sessions } from '../db/schema';
import { createSession } from '../auth/sessions';
import { loadActor } from '../auth/load-actor';
import { createPerson } from './create-person';
import { updatePerson } from './update-person';
import { deactivatePerson } from './deactivate-person';
import { getPersonById } from './get-person-by-id';
import { respondToInvitation } from './respond-to-invitation';
import { cancelInvitation } from './cancel-invitation';
import { findOwnInvitations, findOrganizerInvitations, getAnsweredInvitation } from './find-invitations';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

/** Lars of one organizer, and the administrator of a second organizer who tries to take his account. */
async function twoOrganizers() {
	const home = await buildOrganizer(h.db);
	const lars = await buildPerson(h.db, {
		name: 'Lars Hem',
		email: `lars-${home.id}@hem.se`,
		password: 'ett långt eget lösenord',
		memberOf: home.id
	});
	const homeAdmin = await buildActor(h.db, [{ role: 'org_admin', organizerId: home.id }]);
	const other = await buildOrganizer(h.db);
	const attacker = await buildActor(h.db, [{ role: 'org_admin', organizerId: other.id }]);
	return { home, lars, homeAdmin, other, attacker };
}

const invite = (actor: Awaited<ReturnType<typeof buildActor>>, organizerId: string, email: string) =>
	createPerson(h.db, { actor, organizerId, input: { name: 'Vem som helst', email, protectedIdentity: false } });

describe('identity and membership (decision 018)', () => {
	it('gives another organizer no membership and no control over an existing account by adding its e-mail', async () => {
		const { lars, other, attacker } = await twoOrganizers();
		const added = await invite(attacker, other.id, lars.email.toUpperCase());
		expect(added.invited).toBe(true);
		// No membership: the person page, the update and the deactivation all answer as for a stranger.
		await expect(getPersonById(h.db, { actor: attacker, organizerId: other.id, personId: lars.id })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		const takeover = { name: 'Lars Hem', email: 'angripare@ond.se', protectedIdentity: false };
		await expect(updatePerson(h.db, { actor: attacker, organizerId: other.id, personId: lars.id, input: takeover })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(deactivatePerson(h.db, { actor: attacker, organizerId: other.id, personId: lars.id })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		const [row] = await h.db.select().from(people).where(eq(people.id, lars.id));
		expect(row.email).toBe(lars.email);
		// The organizer sees only what it typed.
		const listed = await findOrganizerInvitations(h.db, { actor: attacker, organizerId: other.id });
		expect(listed).toEqual([expect.objectContaining({ name: 'Vem som helst', email: lars.email })]);
	});

	it('lets an organizer change only the identity of a person who is theirs alone, even after the person accepts', async () => {
		const { home, lars, homeAdmin, other, attacker } = await twoOrganizers();
		const added = await invite(attacker, other.id, lars.email);
		if (!added.invited) throw new Error('expected an invitation');
		const larsActor = (await loadActor(h.db, lars.id))!;
		expect((await findOwnInvitations(h.db, { actor: larsActor })).map((i) => i.id)).toContain(added.invitationId);
		await respondToInvitation(h.db, { actor: larsActor, invitationId: added.invitationId, accept: true });
		// Now a member of both: neither administrator may change his e-mail, name, flag or status.
		const input = { name: 'Lars Hem', email: 'angripare@ond.se', protectedIdentity: false };
		for (const [actor, organizerId] of [
			[attacker, other.id],
			[homeAdmin, home.id]
		] as const) {
			await expect(updatePerson(h.db, { actor, organizerId, personId: lars.id, input })).rejects.toMatchObject({
				code: 'INVALID',
				issues: [{ field: 'name', message: 'people_error_identity_shared' }]
			});
			await expect(deactivatePerson(h.db, { actor, organizerId, personId: lars.id })).rejects.toMatchObject({ code: 'INVALID' });
		}
		// Unchanged input is still fine (the form saves without changes), and a system administrator may change it
		// (from the organizer's pages, where they also administer).
		await updatePerson(h.db, {
			actor: attacker,
			organizerId: other.id,
			personId: lars.id,
			input: { name: 'Lars Hem', email: lars.email, protectedIdentity: false }
		});
		const sys = await buildActor(h.db, [{ role: 'system_admin' }, { role: 'org_admin', organizerId: home.id }]);
		await updatePerson(h.db, {
			actor: sys,
			organizerId: home.id,
			personId: lars.id,
			input: { name: 'Lars Hemström', email: lars.email, protectedIdentity: false }
		});
		expect((await h.db.select().from(people).where(eq(people.id, lars.id)))[0].name).toBe('Lars Hemström');
	});

	it("never lets an organizer administrator change a system administrator's account", async () => {
		const org = await buildOrganizer(h.db);
		const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
		const sys = await buildPerson(h.db, { roles: [{ role: 'system_admin' }], memberOf: org.id });
		await expect(
			updatePerson(h.db, {
				actor: admin,
				organizerId: org.id,
				personId: sys.id,
				input: { name: sys.name, email: 'ny@ond.se', protectedIdentity: false }
			})
		).rejects.toMatchObject({ code: 'INVALID' });
	});

	it("gives the invitation's roles on acceptance, and nothing on declining or withdrawing", async () => {
		const { lars, other, attacker } = await twoOrganizers();
		const unit = await buildUnit(h.db, { organizerId: other.id });
		const added = await createPerson(h.db, {
			actor: attacker,
			organizerId: other.id,
			input: { name: 'Lars', email: lars.email, protectedIdentity: false },
			roles: [{ role: 'staff', unitId: unit.id, startsOn: null, endsOn: null }]
		});
		if (!added.invited) throw new Error('expected an invitation');
		// Someone else cannot answer it.
		const stranger = await buildActor(h.db, [{ role: 'org_admin', organizerId: other.id }]);
		await expect(respondToInvitation(h.db, { actor: stranger, invitationId: added.invitationId, accept: true })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		const larsActor = (await loadActor(h.db, lars.id))!;
		await respondToInvitation(h.db, { actor: larsActor, invitationId: added.invitationId, accept: true });
		const roles = await h.db
			.select()
			.from(roleAssignments)
			.where(and(eq(roleAssignments.personId, lars.id), eq(roleAssignments.organizerId, other.id)));
		expect(roles.map((r) => [r.role, r.unitId])).toEqual([['staff', unit.id]]);
		// The confirmation is his alone.
		expect(await getAnsweredInvitation(h.db, { actor: larsActor, invitationId: added.invitationId })).toMatchObject({ status: 'accepted' });
		expect(await getAnsweredInvitation(h.db, { actor: stranger, invitationId: added.invitationId })).toBeNull();
		// Answered once only.
		await expect(respondToInvitation(h.db, { actor: larsActor, invitationId: added.invitationId, accept: false })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});

		const third = await buildOrganizer(h.db);
		const thirdAdmin = await buildActor(h.db, [{ role: 'org_admin', organizerId: third.id }]);
		const declined = await invite(thirdAdmin, third.id, lars.email);
		if (!declined.invited) throw new Error('expected an invitation');
		await respondToInvitation(h.db, { actor: larsActor, invitationId: declined.invitationId, accept: false });
		const withdrawn = await invite(thirdAdmin, third.id, lars.email);
		if (!withdrawn.invited) throw new Error('expected an invitation');
		await cancelInvitation(h.db, { actor: thirdAdmin, organizerId: third.id, invitationId: withdrawn.invitationId });
		await expect(respondToInvitation(h.db, { actor: larsActor, invitationId: withdrawn.invitationId, accept: true })).rejects.toMatchObject(
			{ code: 'NOT_FOUND' }
		);
		expect(
			await h.db
				.select()
				.from(memberships)
				.where(and(eq(memberships.personId, lars.id), eq(memberships.organizerId, third.id)))
		).toHaveLength(0);
		const statuses = await h.db
			.select({ s: membershipInvitations.status })
			.from(membershipInvitations)
			.where(eq(membershipInvitations.organizerId, third.id));
		expect(statuses.map((s) => s.s).sort()).toEqual(['cancelled', 'declined']);
	});

	it("lets a system administrator approve an invitation on the person's behalf", async () => {
		const { lars, other, attacker } = await twoOrganizers();
		const added = await invite(attacker, other.id, lars.email);
		if (!added.invited) throw new Error('expected an invitation');
		const sys = await buildActor(h.db, [{ role: 'system_admin' }]);
		await respondToInvitation(h.db, { actor: sys, invitationId: added.invitationId, accept: true });
		expect(
			await h.db
				.select()
				.from(memberships)
				.where(and(eq(memberships.personId, lars.id), eq(memberships.organizerId, other.id)))
		).toHaveLength(1);
	});

	it('ends the sessions, cancels open reset links and tells the old address when an e-mail changes', async () => {
		const org = await buildOrganizer(h.db);
		const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
		const p = await buildPerson(h.db, { name: 'Mia Byte', email: `mia-${org.id}@exempel.se`, memberOf: org.id });
		await createSession(h.db, { personId: p.id, method: 'password', days: 14 });
		await h.db.insert(passwordResets).values({ tokenHash: `hash-${p.id}`, personId: p.id, expiresAt: new Date(Date.now() + 3_600_000) });
		await updatePerson(h.db, {
			actor: admin,
			organizerId: org.id,
			personId: p.id,
			input: { name: 'Mia Byte', email: `mia.ny-${org.id}@exempel.se`, protectedIdentity: false }
		});
		expect(await h.db.select().from(sessions).where(eq(sessions.personId, p.id))).toHaveLength(0);
		const resets = await h.db.select().from(passwordResets).where(eq(passwordResets.personId, p.id));
		expect(resets.map((r) => r.usedAt)).toEqual([expect.any(Date)]);
		const told = await h.db.select().from(outbox).where(eq(outbox.toAddress, p.email));
		expect(told).toHaveLength(1);
		expect(told[0].organizerId).toBeNull();
	});
});
