// Covers: loadActor, todayInStockholm, createSession, validateSession, validateSessionActor, countUnreadNotifications, hashToken, newToken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildOrganizer, buildPerson, buildTeam, buildTicket } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { notifications, people, sessions, supportTeams } from '../db/schema';
import { countUnreadNotifications } from '../notifications/find-notifications';
import { loadActor, todayInStockholm } from './load-actor';
import { createSession, validateSession, validateSessionActor } from './sessions';
import { hashToken, newToken } from './tokens';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const DAY = 86_400_000;
const sortActor = <T extends { assignments: { role: string; unitId: string | null }[]; teamIds?: string[]; servedOrganizerIds?: string[] }>(
	a: T
) => ({
	...a,
	assignments: [...a.assignments].sort((x, y) => `${x.role}${x.unitId}`.localeCompare(`${y.role}${y.unitId}`)),
	teamIds: [...(a.teamIds ?? [])].sort(),
	servedOrganizerIds: [...(a.servedOrganizerIds ?? [])].sort()
});

/** A session row for a person that expires `msLeft` from now. */
async function sessionExpiringIn(personId: string, msLeft: number) {
	const token = newToken();
	const expiresAt = new Date(Date.now() + msLeft);
	await h.db.insert(sessions).values({ tokenHash: hashToken(token), personId, method: 'test', expiresAt });
	return { token, expiresAt };
}

describe('validating a session and loading its actor in one query', () => {
	it('gives the same person, roles in force today and unarchived teams as validateSession and loadActor', async () => {
		const org = await buildOrganizer(h.db);
		const day = (offset: number) => todayInStockholm(new Date(Date.now() + offset * DAY));
		const person = await buildPerson(h.db, {
			roles: [
				{ role: 'central_technical_support', organizerId: org.id },
				{ role: 'org_admin', organizerId: org.id, startsOn: day(-3), endsOn: day(3) },
				{ role: 'principal', organizerId: org.id, endsOn: day(-1) },
				{ role: 'staff', organizerId: org.id, startsOn: day(2) }
			]
		});
		const team = await buildTeam(h.db, { organizerId: org.id, memberIds: [person.id] });
		const archived = await buildTeam(h.db, { organizerId: org.id, memberIds: [person.id] });
		await h.db.update(supportTeams).set({ archivedAt: new Date() }).where(eq(supportTeams.id, archived.id));
		const { token } = await createSession(h.db, { personId: person.id, method: 'test', days: 14 });

		const both = await validateSessionActor(h.db, token, 14);
		expect(both).not.toBeNull();
		expect(both!.personId).toBe(person.id);
		expect(both!.expiresAt).toEqual((await validateSession(h.db, token, 14))!.expiresAt);
		expect(sortActor(both!.actor)).toEqual(sortActor((await loadActor(h.db, person.id))!));
		expect(both!.actor.assignments.map((a) => a.role).sort()).toEqual(['central_technical_support', 'org_admin']);
		expect(both!.actor.teamIds).toEqual([team.id]);
		expect(both!.actor.servedOrganizerIds).toEqual([org.id]);
	});

	it('gives the organizers the person’s unarchived teams serve, the owner included, once each', async () => {
		const [owner, served, alsoServed, onlyArchived] = [
			await buildOrganizer(h.db),
			await buildOrganizer(h.db),
			await buildOrganizer(h.db),
			await buildOrganizer(h.db)
		];
		const person = await buildPerson(h.db, { memberOf: owner.id });
		await buildTeam(h.db, { organizerId: owner.id, line: 3, memberIds: [person.id], alsoServes: [served.id] });
		await buildTeam(h.db, { organizerId: owner.id, line: 3, memberIds: [person.id], alsoServes: [served.id, alsoServed.id] });
		const archived = await buildTeam(h.db, { organizerId: owner.id, memberIds: [person.id], alsoServes: [onlyArchived.id] });
		await h.db.update(supportTeams).set({ archivedAt: new Date() }).where(eq(supportTeams.id, archived.id));
		const { token } = await createSession(h.db, { personId: person.id, method: 'test', days: 14 });
		const both = await validateSessionActor(h.db, token, 14);
		expect([...both!.actor.servedOrganizerIds!].sort()).toEqual([owner.id, served.id, alsoServed.id].sort());
		expect([...(await loadActor(h.db, person.id))!.servedOrganizerIds!].sort()).toEqual([owner.id, served.id, alsoServed.id].sort());
	});

	it('brings the organizer named by a slug along, and nothing for an unknown slug or none', async () => {
		const org = await buildOrganizer(h.db);
		const person = await buildPerson(h.db, { roles: [{ role: 'staff', organizerId: org.id }] });
		const { token } = await createSession(h.db, { personId: person.id, method: 'test', days: 14 });

		const withOrg = await validateSessionActor(h.db, token, 14, org.slug);
		expect(withOrg!.organizer).toMatchObject({ id: org.id, slug: org.slug, name: org.name });
		expect(withOrg!.organizer!.createdAt).toBeInstanceOf(Date);
		expect((await validateSessionActor(h.db, token, 14, 'finns-inte'))!.organizer).toBeNull();
		expect((await validateSessionActor(h.db, token, 14))!.organizer).toBeNull();
		// The slug never lets an invalid session through.
		expect(await validateSessionActor(h.db, newToken(), 14, org.slug)).toBeNull();
	});

	it('counts the person’s unread notifications (the header’s bell) as countUnreadNotifications does', async () => {
		const org = await buildOrganizer(h.db);
		const person = await buildPerson(h.db, { memberOf: org.id });
		const other = await buildPerson(h.db, { memberOf: org.id });
		const { token } = await createSession(h.db, { personId: person.id, method: 'test', days: 14 });
		expect((await validateSessionActor(h.db, token, 14))!.unreadNotifications).toBe(0);
		const { ticket } = await buildTicket(h.db, { organizerId: org.id });
		const note = (personId: string, readAt: Date | null) => ({
			organizerId: org.id,
			personId,
			kind: 'assigned',
			ticketId: ticket.id,
			readAt
		});
		await h.db
			.insert(notifications)
			.values([note(person.id, null), note(person.id, null), note(person.id, new Date()), note(other.id, null)]);
		const both = await validateSessionActor(h.db, token, 14, org.slug);
		expect(both!.unreadNotifications).toBe(2);
		expect(both!.unreadNotifications).toBe(await countUnreadNotifications(h.db, person.id));
	});

	it('gives a person without roles or teams empty lists', async () => {
		const person = await buildPerson(h.db, { name: 'Ingen Roll' });
		const { token } = await createSession(h.db, { personId: person.id, method: 'test', days: 14 });
		const both = await validateSessionActor(h.db, token, 14);
		expect(both?.actor).toEqual({ personId: person.id, name: 'Ingen Roll', assignments: [], teamIds: [], servedOrganizerIds: [] });
	});

	it('refuses an unknown, overlong or expired token and a deactivated person', async () => {
		const person = await buildPerson(h.db);
		expect(await validateSessionActor(h.db, newToken(), 14)).toBeNull();
		expect(await validateSessionActor(h.db, 'x'.repeat(201), 14)).toBeNull();
		expect(await validateSessionActor(h.db, '', 14)).toBeNull();
		const expired = await sessionExpiringIn(person.id, -1000);
		expect(await validateSessionActor(h.db, expired.token, 14)).toBeNull();
		const { token } = await createSession(h.db, { personId: person.id, method: 'test', days: 14 });
		await h.db.update(people).set({ status: 'inactive' }).where(eq(people.id, person.id));
		expect(await validateSessionActor(h.db, token, 14)).toBeNull();
		expect(await validateSession(h.db, token, 14)).toBeNull();
	});

	it('extends a session only once half its life has passed', async () => {
		const person = await buildPerson(h.db);
		const fresh = await sessionExpiringIn(person.id, 10 * DAY);
		expect((await validateSessionActor(h.db, fresh.token, 14))!.expiresAt).toEqual(fresh.expiresAt);
		const [unchanged] = await h.db
			.select()
			.from(sessions)
			.where(eq(sessions.tokenHash, hashToken(fresh.token)));
		expect(unchanged.expiresAt).toEqual(fresh.expiresAt);

		const old = await sessionExpiringIn(person.id, 3 * DAY);
		const renewed = (await validateSessionActor(h.db, old.token, 14))!.expiresAt;
		expect(renewed.getTime()).toBeGreaterThan(Date.now() + 13.9 * DAY);
		const [stored] = await h.db
			.select()
			.from(sessions)
			.where(eq(sessions.tokenHash, hashToken(old.token)));
		expect(stored.expiresAt).toEqual(renewed);
	});
});

describe('the absolute session lifetime (SESSION_MAX_DAYS)', () => {
	/** A session that started `daysAgo` days ago and, after sliding, still has `msLeft` of idle time. */
	async function sessionStarted(personId: string, daysAgo: number, msLeft: number) {
		const token = newToken();
		await h.db.insert(sessions).values({
			tokenHash: hashToken(token),
			personId,
			method: 'test',
			createdAt: new Date(Date.now() - daysAgo * DAY),
			expiresAt: new Date(Date.now() + msLeft)
		});
		return token;
	}

	it('ends a session that started more than maxDays ago, however recently it was used', async () => {
		const p = await buildPerson(h.db);
		const old = await sessionStarted(p.id, 31, 10 * DAY);
		expect(await validateSession(h.db, old, 14, 30)).toBeNull();
		expect(await validateSessionActor(h.db, old, 14, undefined, 30)).toBeNull();
		const young = await sessionStarted(p.id, 29, 10 * DAY);
		expect((await validateSession(h.db, young, 14, 30))?.personId).toBe(p.id);
		expect((await validateSessionActor(h.db, young, 14, undefined, 30))?.personId).toBe(p.id);
	});

	it('slides the idle expiry, but never past the hard end', async () => {
		const p = await buildPerson(h.db);
		// 25 days in, 1 day of idle time left: sliding 14 days would reach day 39; the hard end is day 30.
		const token = await sessionStarted(p.id, 25, 1 * DAY);
		const r = await validateSessionActor(h.db, token, 14, undefined, 30);
		const daysLeft = (r!.expiresAt.getTime() - Date.now()) / DAY;
		expect(daysLeft).toBeGreaterThan(4.9);
		expect(daysLeft).toBeLessThan(5.1);
		const [row] = await h.db
			.select()
			.from(sessions)
			.where(eq(sessions.tokenHash, hashToken(token)));
		expect(row.expiresAt.getTime()).toBe(r!.expiresAt.getTime());
	});

	it('a new session never outlives maxDays, even when the idle days are more', async () => {
		const p = await buildPerson(h.db);
		const { expiresAt } = await createSession(h.db, { personId: p.id, method: 'test', days: 60, maxDays: 30 });
		expect((expiresAt.getTime() - Date.now()) / DAY).toBeLessThanOrEqual(30);
	});
});
