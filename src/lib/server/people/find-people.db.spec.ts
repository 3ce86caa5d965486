// Covers: findPeople, getPersonById.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents } from '../db/schema';
import { findPeople, getPersonById } from './find-people';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

async function setup() {
	const org = await buildOrganizer(h.db);
	const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }], { name: 'Admin Adminsson' });
	const lead = await buildActor(h.db, [{ role: 'leadership', organizerId: org.id }], { name: 'Lea Ledning' });
	return { org, admin, lead };
}

const viewEvents = (personId: string) =>
	h.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'person.view_protected'), eq(auditEvents.entityId, personId)));

describe('finding people', () => {
	it('pages through members by keyset in Swedish order, å ä ö after z', async () => {
		const { org, admin } = await setup();
		for (const name of ['Örjan Ek', 'Zara Ek', 'Ärla Ek', 'Adam Ek', 'Åsa Ek', 'Bertil Ek', 'émile Ek']) {
			await buildPerson(h.db, { name, memberOf: org.id });
		}
		await buildPerson(h.db, { name: 'Bengt Ek', memberOf: (await buildOrganizer(h.db)).id });
		const names: string[] = [];
		let after: string | null = null;
		let pages = 0;
		do {
			const page: Awaited<ReturnType<typeof findPeople>> = await findPeople(h.db, {
				actor: admin,
				organizerId: org.id,
				search: 'ek',
				after,
				limit: 3
			});
			expect(page.people.length).toBeLessThanOrEqual(3);
			names.push(...page.people.map((p) => p.name));
			after = page.nextCursor;
			pages++;
		} while (after && pages < 10);
		expect(pages).toBe(3);
		expect(names).toEqual(['Adam Ek', 'Bertil Ek', 'émile Ek', 'Zara Ek', 'Åsa Ek', 'Ärla Ek', 'Örjan Ek']);
	});

	it('searches names case-insensitively, Swedish letters too, and e-mail addresses', async () => {
		const { org, admin } = await setup();
		await buildPerson(h.db, { name: 'Östen Åberg', email: 'osten@sok.se', memberOf: org.id });
		await buildPerson(h.db, { name: 'Ulla Stråle', email: 'ulla@sok.se', memberOf: org.id });
		const byName = await findPeople(h.db, { actor: admin, organizerId: org.id, search: 'ÅBERG' });
		expect(byName.people.map((p) => p.name)).toEqual(['Östen Åberg']);
		const byMail = await findPeople(h.db, { actor: admin, organizerId: org.id, search: 'ULLA@SOK' });
		expect(byMail.people.map((p) => p.name)).toEqual(['Ulla Stråle']);
		const wildcard = await findPeople(h.db, { actor: admin, organizerId: org.id, search: '%' });
		expect(wildcard.people).toEqual([]);
	});

	it('treats a tampered cursor as the first page', async () => {
		const { org, admin } = await setup();
		const page = await findPeople(h.db, { actor: admin, organizerId: org.id, after: 'inte-en-markör' });
		expect(page.people.map((p) => p.name)).toContain('Admin Adminsson');
	});
});

describe('people with protected identity', () => {
	it('are hidden from leadership in lists and by id', async () => {
		const { org, lead } = await setup();
		const hidden = await buildPerson(h.db, { name: 'Hemlig Person', protectedIdentity: true, memberOf: org.id });
		const page = await findPeople(h.db, { actor: lead, organizerId: org.id });
		expect(page.people.map((p) => p.name)).not.toContain('Hemlig Person');
		expect(page.people.map((p) => p.name)).toContain('Lea Ledning');
		const e = await getPersonById(h.db, { actor: lead, organizerId: org.id, personId: hidden.id }).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
		expect(await viewEvents(hidden.id)).toHaveLength(0);
	});

	it('are shown to the organization administrator, with one audit event per view', async () => {
		const { org, admin } = await setup();
		const hidden = await buildPerson(h.db, { name: 'Skyddad Svensson', protectedIdentity: true, memberOf: org.id });
		const page = await findPeople(h.db, { actor: admin, organizerId: org.id, search: 'skyddad' });
		expect(page.people.map((p) => p.id)).toEqual([hidden.id]);
		expect((await getPersonById(h.db, { actor: admin, organizerId: org.id, personId: hidden.id })).name).toBe('Skyddad Svensson');
		await getPersonById(h.db, { actor: admin, organizerId: org.id, personId: hidden.id });
		const events = await viewEvents(hidden.id);
		expect(events.map((e) => [e.actorId, e.organizerId, (e.changes as { via: string }).via])).toEqual([
			[admin.personId, org.id, 'list'],
			[admin.personId, org.id, 'detail'],
			[admin.personId, org.id, 'detail']
		]);
	});
});

describe('getting a person by id', () => {
	it('does not find a person of another organizer, or a malformed id', async () => {
		const { org, admin } = await setup();
		const stranger = await buildPerson(h.db, { memberOf: (await buildOrganizer(h.db)).id });
		for (const personId of [stranger.id, "1' OR '1'='1", '00000000-0000-0000-0000-000000000000']) {
			const e = await getPersonById(h.db, { actor: admin, organizerId: org.id, personId }).catch((x) => x);
			expect(e.code).toBe('NOT_FOUND');
		}
	});

	it('is forbidden to staff', async () => {
		const { org } = await setup();
		const staff = await buildActor(h.db, [{ role: 'staff', organizerId: org.id }]);
		const e = await findPeople(h.db, { actor: staff, organizerId: org.id }).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
	});
});
