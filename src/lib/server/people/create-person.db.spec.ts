// Covers: createPerson.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents, memberships, membershipInvitations, outbox, people } from '../db/schema';
import { createPerson } from './create-person';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

async function setup() {
	const org = await buildOrganizer(h.db);
	const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
	return { org, actor };
}

const peopleCount = async () => (await h.db.select({ n: count() }).from(people))[0].n;

describe('creating a person', () => {
	it('stores the person with a lower-cased e-mail, makes them a member and audits it', async () => {
		const { org, actor } = await setup();
		const p = await createPerson(h.db, {
			actor,
			organizerId: org.id,
			input: { name: ' Åsa Lind ', email: 'Asa.Lind@Exempel.SE', eppn: '', protectedIdentity: 'on' }
		});
		if (p.invited) throw new Error('expected a new person');
		expect(p.person).toMatchObject({ name: 'Åsa Lind', email: 'asa.lind@exempel.se', eppn: null, protectedIdentity: true });
		const m = await h.db
			.select()
			.from(memberships)
			.where(and(eq(memberships.organizerId, org.id), eq(memberships.personId, p.person.id)));
		expect(m).toHaveLength(1);
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'person.create'), eq(auditEvents.entityId, p.person.id)));
		expect(event.actorId).toBe(actor.personId);
		expect(event.changes).toMatchObject({ email: [null, 'asa.lind@exempel.se'] });
	});

	it('refuses an e-mail already in the same organizer and changes nothing', async () => {
		const { org, actor } = await setup();
		await createPerson(h.db, { actor, organizerId: org.id, input: { name: 'Bo Ek', email: 'bo@exempel.se', protectedIdentity: false } });
		const before = await peopleCount();
		const auditBefore = (await h.db.select({ n: count() }).from(auditEvents))[0].n;
		const e = await createPerson(h.db, {
			actor,
			organizerId: org.id,
			input: { name: 'Bo Annan', email: ' BO@exempel.se', protectedIdentity: false }
		}).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'email', message: 'people_error_email_taken' }]);
		expect(await peopleCount()).toBe(before);
		expect((await h.db.select({ n: count() }).from(auditEvents))[0].n).toBe(auditBefore);
		const [bo] = await h.db.select().from(people).where(eq(people.email, 'bo@exempel.se'));
		expect(bo.name).toBe('Bo Ek');
	});

	it('invites a person of another organizer instead of adding them, and returns and changes nothing of theirs', async () => {
		const { org, actor } = await setup();
		const other = await buildOrganizer(h.db);
		const shared = await buildPerson(h.db, { name: 'Dana Delad', email: 'dana@andra.se', protectedIdentity: true, memberOf: other.id });
		const before = await peopleCount();
		const p = await createPerson(h.db, {
			actor,
			organizerId: org.id,
			input: { name: 'Något Annat', email: 'Dana@andra.se', eppn: 'dana@andra.se', protectedIdentity: false }
		});
		expect(p).toEqual({ invited: true, invitationId: expect.any(String) });
		expect(JSON.stringify(p)).not.toContain(shared.id);
		expect(await peopleCount()).toBe(before);
		const [row] = await h.db.select().from(people).where(eq(people.id, shared.id));
		expect(row).toMatchObject({ name: 'Dana Delad', protectedIdentity: true, eppn: null });
		const orgs = await h.db.select({ organizerId: memberships.organizerId }).from(memberships).where(eq(memberships.personId, shared.id));
		expect(orgs.map((o) => o.organizerId)).toEqual([other.id]);
		const [inv] = await h.db
			.select()
			.from(membershipInvitations)
			.where(eq(membershipInvitations.id, p.invited ? p.invitationId : ''));
		expect(inv).toMatchObject({ organizerId: org.id, personId: shared.id, invitedName: 'Något Annat', status: 'pending' });
		const events = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, inv.id), eq(auditEvents.organizerId, org.id)));
		expect(events.map((e) => e.action)).toEqual(['membership.invite']);
		// The mail goes to the person, and not into the inviting organizer's outbox.
		const mails = await h.db.select().from(outbox).where(eq(outbox.toAddress, 'dana@andra.se'));
		expect(mails).toHaveLength(1);
		expect(mails[0].organizerId).toBeNull();
		// Asking again reuses the pending invitation.
		const again = await createPerson(h.db, {
			actor,
			organizerId: org.id,
			input: { name: 'Dana', email: 'dana@andra.se', protectedIdentity: false }
		});
		expect(again).toEqual(p);
	});

	it('refuses an eppn that another person has', async () => {
		const { org, actor } = await setup();
		await buildPerson(h.db, { eppn: 'kim@skola.se' });
		const before = await peopleCount();
		const e = await createPerson(h.db, {
			actor,
			organizerId: org.id,
			input: { name: 'Kim Ny', email: 'kim.ny@exempel.se', eppn: 'KIM@skola.se', protectedIdentity: false }
		}).catch((x) => x);
		expect(e.issues).toEqual([{ field: 'eppn', message: 'people_error_eppn_taken' }]);
		expect(await peopleCount()).toBe(before);
	});

	it('explains bad input per field with message keys', async () => {
		const { org, actor } = await setup();
		const e = await createPerson(h.db, {
			actor,
			organizerId: org.id,
			input: { name: '  ', email: 'inte-en-adress', eppn: 'utan snabel', protectedIdentity: false }
		}).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([
			{ field: 'name', message: 'people_error_name_required' },
			{ field: 'email', message: 'people_error_email' },
			{ field: 'eppn', message: 'people_error_eppn' }
		]);
	});

	it('is refused to anyone but an organization administrator of that organizer', async () => {
		const { org } = await setup();
		const lead = await buildActor(h.db, [{ role: 'leadership', organizerId: org.id }]);
		const e = await createPerson(h.db, {
			actor: lead,
			organizerId: org.id,
			input: { name: 'X Y', email: 'xy@exempel.se', protectedIdentity: false }
		}).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
		expect(await h.db.select().from(people).where(eq(people.email, 'xy@exempel.se'))).toHaveLength(0);
	});
});
