// Covers: updatePerson, deactivatePerson, reactivatePerson, isUniqueViolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents, people, sessions } from '../db/schema';
import { createSession, validateSession } from '../auth/sessions';
import { updatePerson } from './update-person';
import { deactivatePerson, reactivatePerson } from './deactivate-person';
import { isUniqueViolation } from '../db/pg-errors';

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

describe('updating a person', () => {
	it('saves the changes and audits only the fields that changed', async () => {
		const { org, actor } = await setup();
		const p = await buildPerson(h.db, { name: 'Olle Berg', email: 'olle@exempel.se', memberOf: org.id });
		const after = await updatePerson(h.db, {
			actor,
			organizerId: org.id,
			personId: p.id,
			input: { name: 'Örjan Berg', email: 'olle@exempel.se', eppn: 'olle@skola.se', protectedIdentity: false }
		});
		expect(after).toMatchObject({ name: 'Örjan Berg', eppn: 'olle@skola.se' });
		expect(after.nameSort.startsWith('}')).toBe(true);
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'person.update'), eq(auditEvents.entityId, p.id)));
		expect(event.changes).toEqual({ name: ['Olle Berg', 'Örjan Berg'], eppn: [null, 'olle@skola.se'] });
	});

	it("refuses another person's e-mail and leaves the person as they were", async () => {
		const { org, actor } = await setup();
		await buildPerson(h.db, { email: 'upptagen@exempel.se' });
		const p = await buildPerson(h.db, { name: 'Pia Ek', email: 'pia@exempel.se', memberOf: org.id });
		const e = await updatePerson(h.db, {
			actor,
			organizerId: org.id,
			personId: p.id,
			input: { name: 'Pia Ny', email: 'Upptagen@exempel.se', protectedIdentity: false }
		}).catch((x) => x);
		expect(e.issues).toEqual([{ field: 'email', message: 'people_error_email_in_use' }]);
		const [row] = await h.db.select().from(people).where(eq(people.id, p.id));
		expect(row).toMatchObject({ name: 'Pia Ek', email: 'pia@exempel.se' });
	});

	it('does not find a person of another organizer', async () => {
		const { org, actor } = await setup();
		const stranger = await buildPerson(h.db, { name: 'Främling', memberOf: (await buildOrganizer(h.db)).id });
		const e = await updatePerson(h.db, {
			actor,
			organizerId: org.id,
			personId: stranger.id,
			input: { name: 'Kapad', email: stranger.email, protectedIdentity: false }
		}).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
		const [row] = await h.db.select().from(people).where(eq(people.id, stranger.id));
		expect(row.name).toBe('Främling');
	});
});

describe('deactivating and reactivating a person', () => {
	it('ends every session of the person at once, and reactivating lets them back', async () => {
		const { org, actor } = await setup();
		const p = await buildPerson(h.db, { memberOf: org.id });
		const a = await createSession(h.db, { personId: p.id, method: 'password', days: 14 });
		await createSession(h.db, { personId: p.id, method: 'password', days: 14 });
		await deactivatePerson(h.db, { actor, organizerId: org.id, personId: p.id });
		expect(await h.db.select().from(sessions).where(eq(sessions.personId, p.id))).toHaveLength(0);
		expect(await validateSession(h.db, a.token, 14)).toBeNull();
		const [row] = await h.db.select().from(people).where(eq(people.id, p.id));
		expect(row.status).toBe('inactive');

		await reactivatePerson(h.db, { actor, organizerId: org.id, personId: p.id });
		const [again] = await h.db.select().from(people).where(eq(people.id, p.id));
		expect(again.status).toBe('active');
		const events = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, p.id)).orderBy(auditEvents.id);
		expect(events.map((e) => e.action)).toEqual(['person.deactivate', 'person.reactivate']);
	});

	it('will not let administrators deactivate themselves', async () => {
		const { org, actor } = await setup();
		const e = await deactivatePerson(h.db, { actor, organizerId: org.id, personId: actor.personId }).catch((x) => x);
		expect(e.issues).toEqual([{ field: 'status', message: 'people_error_deactivate_self' }]);
		const [row] = await h.db.select().from(people).where(eq(people.id, actor.personId));
		expect(row.status).toBe('active');
	});

	it('does not touch a person of another organizer, even with a tampered id', async () => {
		const { org, actor } = await setup();
		const stranger = await buildPerson(h.db, { memberOf: (await buildOrganizer(h.db)).id });
		await createSession(h.db, { personId: stranger.id, method: 'password', days: 14 });
		for (const personId of [stranger.id, 'inte-ett-id']) {
			const e = await deactivatePerson(h.db, { actor, organizerId: org.id, personId }).catch((x) => x);
			expect(e.code).toBe('NOT_FOUND');
		}
		expect(await h.db.select().from(sessions).where(eq(sessions.personId, stranger.id))).toHaveLength(1);
	});
});

describe('unique violations', () => {
	it('are recognised by constraint name, as a race between two requests would raise them', async () => {
		const p = await buildPerson(h.db);
		const e = await h.db
			.insert(people)
			.values({ name: 'Dubbel', nameSort: 'dubbel', email: p.email })
			.catch((x) => x);
		expect(isUniqueViolation(e, 'people_email_unique')).toBe(true);
		expect(isUniqueViolation(e, 'people_eppn_unique')).toBe(false);
		expect(isUniqueViolation(new Error('något annat'))).toBe(false);
	});
});
