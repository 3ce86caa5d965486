// Covers: findStaffConclusions (start page), writeConclusion with notifyStaff and mailUnitStaff (mail to the unit's staff).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentConclusions, auditEvents, outbox, people } from '../../db/schema';
import { findStaffConclusions } from './find-staff-conclusions';
import { writeConclusion } from './write-conclusion';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

async function setUp() {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id, name: 'Ekskolan' });
	const other = await buildUnit(h.db, { organizerId: organizer.id, name: 'Granskolan' });
	const closed = await buildRound(h.db, { organizer, units: [unit, other], name: 'Våren 2026', closedAt: new Date() });
	const open = await buildRound(h.db, { organizer, units: [unit, other], name: 'Hösten 2026' });
	const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	// A teacher who never answered, one who has left, one whose role ended, one at another unit.
	const teacher = await buildActor(h.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	const inactive = await buildPerson(h.db, { status: 'inactive', roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] });
	const ended = await buildPerson(h.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id, endsOn: '2020-06-30' }] });
	const elsewhere = await buildActor(h.db, [{ role: 'staff', organizerId: organizer.id, unitId: other.id }]);
	const base = { organizerId: organizer.id };
	return { organizer, unit, other, closed, open, principal, teacher, inactive, ended, elsewhere, base };
}

const write = (s: Awaited<ReturnType<typeof setUp>>, roundId: string, summary: string, notifyStaff = false) =>
	writeConclusion(h.db, {
		actor: s.principal,
		organizerId: s.organizer.id,
		roundId,
		unitId: s.unit.id,
		input: { summary, subGoalId: null, itemKey: null },
		notifyStaff
	});

describe('"Ni sa – vi gör" for all staff', () => {
	it('shows a staff member who did not answer their unit’s conclusions from closed rounds, newest first, and nothing of other units', async () => {
		const s = await setUp();
		await write(s, s.closed.id, 'Vi satsar på programmering.');
		await write(s, s.closed.id, 'Alla får fortbildning i källkritik.');
		await write(s, s.open.id, 'Utkast medan omgången pågår.');
		const seen = await findStaffConclusions(h.db, { actor: s.teacher, organizerId: s.organizer.id });
		expect(seen.map((c) => c.summary)).toEqual(['Alla får fortbildning i källkritik.', 'Vi satsar på programmering.']);
		expect(seen[0]).toMatchObject({ unitName: 'Ekskolan', roundName: 'Våren 2026' });
		expect(await findStaffConclusions(h.db, { actor: s.elsewhere, organizerId: s.organizer.id })).toEqual([]);
		const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: s.organizer.id }]);
		expect(await findStaffConclusions(h.db, { actor: admin, organizerId: s.organizer.id })).toEqual([]);
		expect(await findStaffConclusions(h.db, { actor: s.teacher, organizerId: s.organizer.id, limit: 1 })).toHaveLength(1);
	});

	it('mails the conclusion to every active person with a role on the unit when asked, in the same transaction, and audits how many', async () => {
		const s = await setUp();
		const row = await write(s, s.closed.id, 'Vi byter lärplattform till hösten.', true);
		expect(row.mailed).toBe(2);
		const addresses = async (emails: string[]) =>
			(await h.db.select().from(outbox).where(inArray(outbox.toAddress, emails))).map((o) => o.toAddress);
		const rows = await h.db
			.select({ id: people.id, email: people.email })
			.from(people)
			.where(inArray(people.id, [s.principal.personId, s.teacher.personId, s.elsewhere.personId]));
		const email = (id: string) => rows.find((p) => p.id === id)!.email;
		expect((await addresses([email(s.principal.personId), email(s.teacher.personId)])).sort()).toEqual(
			[email(s.principal.personId), email(s.teacher.personId)].sort()
		);
		expect(await addresses([email(s.elsewhere.personId), s.inactive.email, s.ended.email])).toEqual([]);
		const [mail] = await h.db
			.select()
			.from(outbox)
			.where(eq(outbox.toAddress, email(s.teacher.personId)));
		expect(mail.subject).toContain('Ekskolan');
		expect(mail.body).toContain('Vi byter lärplattform till hösten.');
		expect(mail.body).not.toContain(s.principal.name);
		const [audit] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'conclusion.create')));
		expect(audit.changes).toMatchObject({ mailed: [null, 2] });

		const quiet = await write(s, s.closed.id, 'Utan e-post.');
		expect(quiet.mailed).toBeNull();
		expect(
			(
				await h.db
					.select()
					.from(outbox)
					.where(eq(outbox.toAddress, email(s.teacher.personId)))
			).length
		).toBe(1);
	});

	it('refuses to mail while the round is open, and writes nothing', async () => {
		const s = await setUp();
		const e = await write(s, s.open.id, 'För tidigt.', true).catch((x) => x);
		expect(e).toMatchObject({ code: 'INVALID', issues: [{ field: 'notifyStaff', message: 'exports_conclusion_error_notify_open' }] });
		expect(await h.db.select().from(assessmentConclusions).where(eq(assessmentConclusions.roundId, s.open.id))).toEqual([]);
	});
});
