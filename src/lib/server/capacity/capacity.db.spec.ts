// Covers: createCapacityAssignment, updateCapacityAssignment, endCapacityAssignment, getCapacityAssignment, findCapacity, loadCapacityForm.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildGuidanceSession, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { auditEvents, capacityAssignments } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { addWeeks, thisMonday } from '../knowledge/questions/week';
import { createCapacityAssignment } from './create-capacity-assignment';
import { updateCapacityAssignment } from './update-capacity-assignment';
import { endCapacityAssignment } from './end-capacity-assignment';
import { getCapacityAssignment } from './get-capacity-assignment';
import { findCapacity } from './find-capacity';
import { loadCapacityForm } from './load-capacity-form';

const t = useTestDatabase();
const DAY = 86_400_000;

/** An organizer with a rektorsområde over a school; its principal, key people there, and a school elsewhere with its own principal. */
async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const org = organizer.id;
	const area = await buildUnit(t.db, { organizerId: org, kind: 'rektorsomrade', name: 'Rektorsområde Öst' });
	const school = await buildUnit(t.db, { organizerId: org, parentId: area.id, name: 'Ekskolan' });
	const elsewhere = await buildUnit(t.db, { organizerId: org, name: 'Björkskolan' });
	const at = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null, name?: string) =>
		buildActor(t.db, [{ role, organizerId: org, unitId }], name ? { name } : {});
	return {
		org,
		school,
		elsewhere,
		principal: await at('principal', area.id),
		otherPrincipal: await at('principal', elsewhere.id),
		admin: await at('org_admin', null),
		leader: await at('leadership', null),
		pedKey: await at('pedagogical_key_person', school.id, 'Anna Ek'),
		techKey: await at('technical_key_person', school.id, 'Bo Ek'),
		otherKey: await at('technical_key_person', elsewhere.id, 'Cilla Björk'),
		teacher: await at('staff', school.id)
	};
}

const failure = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string; issues?: { field: string; message: string }[] }) =>
			e.issues?.length ? `${e.code} ${e.issues.map((i) => `${i.field}:${i.message}`).join(' ')}` : e.code
	);

describe('giving a key person time', () => {
	it('lets the principal above the school give its key person hours a week, stored in minutes and audited', async () => {
		const s = await setUp();
		const row = await createCapacityAssignment(t.db, {
			actor: s.principal,
			organizerId: s.org,
			input: {
				personId: s.pedKey.personId,
				unitId: s.school.id,
				chain: 'pedagogical',
				hours: '2,5',
				validFrom: '2026-08-10',
				validTo: '',
				note: 'IKT-stöd'
			}
		});
		expect(row).toMatchObject({
			minutesPerWeek: 150,
			validFrom: '2026-08-10',
			validTo: null,
			note: 'IKT-stöd',
			createdBy: s.principal.personId
		});
		const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
		expect(audit).toMatchObject({ action: 'capacity_assignment.create', actorId: s.principal.personId });
	});

	it('refuses bad hours, dates and choices beside each field', async () => {
		const s = await setUp();
		const good = { personId: s.pedKey.personId, unitId: s.school.id, chain: 'pedagogical', hours: '4', validFrom: '2026-08-10' };
		const make = (o: Record<string, string>) =>
			failure(createCapacityAssignment(t.db, { actor: s.principal, organizerId: s.org, input: { ...good, ...o } }));
		expect(await make({ hours: '0' })).toBe('INVALID hours:capacity_error_hours');
		expect(await make({ hours: 'fyra' })).toBe('INVALID hours:capacity_error_hours');
		expect(await make({ hours: '41' })).toBe('INVALID hours:capacity_error_hours_max');
		expect(await make({ validFrom: '2026-02-30' })).toBe('INVALID validFrom:capacity_error_from');
		expect(await make({ validTo: 'snart' })).toBe('INVALID validTo:capacity_error_to');
		expect(await make({ validTo: '2026-08-09' })).toBe('INVALID validTo:capacity_error_to_before_from');
		expect(await make({ chain: 'both' })).toBe('INVALID chain:capacity_error_chain');
		expect(await make({ unitId: '' })).toBe('INVALID unitId:capacity_error_unit');
		expect(await make({ unitId: 'not-an-id' })).toBe('INVALID unitId:capacity_error_unit');
		const rows = await t.db.select().from(capacityAssignments).where(eq(capacityAssignments.organizerId, s.org));
		expect(rows).toEqual([]);
	});

	it('refuses someone who is not the chain’s key person at that unit, beside the person', async () => {
		const s = await setUp();
		const base = { unitId: s.school.id, hours: '4', validFrom: '2026-08-10' };
		const make = (personId: string, chain: string) =>
			failure(createCapacityAssignment(t.db, { actor: s.principal, organizerId: s.org, input: { ...base, personId, chain } }));
		expect(await make(s.teacher.personId, 'pedagogical')).toBe('INVALID personId:capacity_error_not_key_person_pedagogical');
		expect(await make(s.pedKey.personId, 'technical')).toBe('INVALID personId:capacity_error_not_key_person_technical');
		expect(await make(s.otherKey.personId, 'technical')).toBe('INVALID personId:capacity_error_not_key_person_technical');
		expect(await make('nobody', 'technical')).toBe('INVALID personId:capacity_error_not_key_person_technical');
	});

	it('refuses a principal of another unit, a key person, and another organizer’s unit', async () => {
		const s = await setUp();
		const input = { personId: s.techKey.personId, unitId: s.school.id, chain: 'technical', hours: '4', validFrom: '2026-08-10' };
		expect(await failure(createCapacityAssignment(t.db, { actor: s.otherPrincipal, organizerId: s.org, input }))).toBe('FORBIDDEN');
		expect(await failure(createCapacityAssignment(t.db, { actor: s.techKey, organizerId: s.org, input }))).toBe('FORBIDDEN');
		const other = await setUp();
		// The other organizer's principal names this organizer's school: it is no unit of theirs.
		expect(await failure(createCapacityAssignment(t.db, { actor: other.principal, organizerId: other.org, input }))).toBe(
			'INVALID unitId:capacity_error_unit'
		);
		// …and cannot act in this organizer at all.
		expect(await failure(createCapacityAssignment(t.db, { actor: other.principal, organizerId: s.org, input }))).toBe('FORBIDDEN');
		expect(await t.db.select().from(capacityAssignments).where(eq(capacityAssignments.organizerId, s.org))).toEqual([]);
	});

	it('lets organizer-wide leadership and administrators give time at any unit', async () => {
		const s = await setUp();
		for (const actor of [s.leader, s.admin])
			await createCapacityAssignment(t.db, {
				actor,
				organizerId: s.org,
				input: { personId: s.otherKey.personId, unitId: s.elsewhere.id, chain: 'technical', hours: '1', validFrom: '2026-08-10' }
			});
		expect(await t.db.select().from(capacityAssignments).where(eq(capacityAssignments.personId, s.otherKey.personId))).toHaveLength(2);
	});
});

describe('changing and ending an allotment', () => {
	async function withAssignment() {
		const s = await setUp();
		const row = await createCapacityAssignment(t.db, {
			actor: s.principal,
			organizerId: s.org,
			input: { personId: s.techKey.personId, unitId: s.school.id, chain: 'technical', hours: '3', validFrom: '2026-08-10' }
		});
		return { ...s, row };
	}

	it('changes the hours and the period, audits before and after, and refuses a bad value beside the field', async () => {
		const s = await withAssignment();
		const opts = { actor: s.principal, organizerId: s.org, assignmentId: s.row.id };
		expect(await failure(updateCapacityAssignment(t.db, { ...opts, input: { hours: '-1', validFrom: '2026-08-10' } }))).toBe(
			'INVALID hours:capacity_error_hours'
		);
		const updated = await updateCapacityAssignment(t.db, {
			...opts,
			input: { hours: '5', validFrom: '2026-08-10', validTo: '2027-06-30' }
		});
		expect(updated).toMatchObject({ minutesPerWeek: 300, validTo: '2027-06-30' });
		const audits = await t.db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, s.row.id), eq(auditEvents.action, 'capacity_assignment.update')));
		expect(audits[0].changes).toMatchObject({ minutesPerWeek: [180, 300], validTo: [null, '2027-06-30'] });
	});

	it('refuses a period before the person had the role', async () => {
		const s = await setUp();
		const late = await buildActor(t.db, [
			{ role: 'technical_key_person', organizerId: s.org, unitId: s.school.id, startsOn: '2026-09-01' }
		]);
		const input = {
			personId: late.personId,
			unitId: s.school.id,
			chain: 'technical',
			hours: '2',
			validFrom: '2026-06-01',
			validTo: '2026-06-30'
		};
		expect(await failure(createCapacityAssignment(t.db, { actor: s.principal, organizerId: s.org, input }))).toBe(
			'INVALID personId:capacity_error_not_key_person_technical'
		);
		const row = await createCapacityAssignment(t.db, {
			actor: s.principal,
			organizerId: s.org,
			input: { ...input, validFrom: '2026-09-01', validTo: '' }
		});
		expect(
			await failure(
				updateCapacityAssignment(t.db, {
					actor: s.principal,
					organizerId: s.org,
					assignmentId: row.id,
					input: { hours: '2', validFrom: '2026-05-01', validTo: '2026-05-31' }
				})
			)
		).toBe('INVALID validFrom:capacity_error_role_period');
	});

	it('ends it today, once, and keeps it from another unit’s principal and from the key person, who may only read it', async () => {
		const s = await withAssignment();
		const opts = { organizerId: s.org, assignmentId: s.row.id };
		expect(await failure(endCapacityAssignment(t.db, { ...opts, actor: s.otherPrincipal }))).toBe('NOT_FOUND');
		expect(await failure(endCapacityAssignment(t.db, { ...opts, actor: s.techKey }))).toBe('FORBIDDEN');
		expect(
			await failure(updateCapacityAssignment(t.db, { ...opts, actor: s.techKey, input: { hours: '9', validFrom: '2026-08-10' } }))
		).toBe('FORBIDDEN');
		const read = await getCapacityAssignment(t.db, { ...opts, actor: s.techKey });
		expect(read).toMatchObject({ canManage: false, personName: 'Bo Ek', unitName: 'Ekskolan' });
		const ended = await endCapacityAssignment(t.db, { ...opts, actor: s.principal });
		expect(ended.validTo).toBe(todayInStockholm());
		const later = new Date(Date.now() + 2 * DAY);
		expect(await failure(endCapacityAssignment(t.db, { ...opts, actor: s.principal, now: later }))).toBe(
			'CONFLICT end:capacity_error_already_ended'
		);
		const other = await setUp();
		expect(await failure(getCapacityAssignment(t.db, { organizerId: other.org, assignmentId: s.row.id, actor: other.admin }))).toBe(
			'NOT_FOUND'
		);
	});
});

describe('the capacity page', () => {
	/** A week from now, so this week is one of the eight whole weeks counted. */
	const now = new Date(Date.now() + 7 * DAY);
	const since = addWeeks(thisMonday(), -12);

	it('flags an allotment that is clearly overloaded and one that is clearly unused, with the weeks behind it', async () => {
		const s = await setUp();
		const give = (personId: string, chain: string, hours: string) =>
			createCapacityAssignment(t.db, {
				actor: s.principal,
				organizerId: s.org,
				input: { personId, unitId: s.school.id, chain, hours, validFrom: since }
			});
		await give(s.pedKey.personId, 'pedagogical', '1'); // 8 hours over the period
		await give(s.techKey.personId, 'technical', '10'); // 80 hours, nothing done
		await buildGuidanceSession(t.db, {
			organizerId: s.org,
			hostId: s.pedKey.personId,
			kind: 'drop_in',
			chain: 'pedagogical',
			startsAt: new Date(Date.now() - 12 * 3_600_000),
			endsAt: new Date(Date.now() - 2 * 3_600_000)
		});
		const page = await findCapacity(t.db, { actor: s.principal, organizerId: s.org, now });
		const ped = page.rows.find((r) => r.personId === s.pedKey.personId)!;
		const tech = page.rows.find((r) => r.personId === s.techKey.personId)!;
		expect(ped).toMatchObject({ flag: 'overloaded', allotted: 480, recorded: 600, sessions: 1 });
		expect(ped.weeks).toHaveLength(8);
		expect(ped.weeks.every((w) => w.allotted === 60)).toBe(true);
		expect(tech).toMatchObject({ flag: 'unused', allotted: 4800, recorded: 0, estimated: 0 });
		expect(tech.assignments[0]).toMatchObject({ canManage: true, current: true, minutesPerWeek: 600, unitName: 'Ekskolan' });
		expect(page.canCreate).toBe(true);
		expect(page.withoutAllotment).toEqual([]);
	});

	it('shows a principal their units, a key person their own, leadership all, and another unit’s principal nothing', async () => {
		const s = await setUp();
		await createCapacityAssignment(t.db, {
			actor: s.principal,
			organizerId: s.org,
			input: { personId: s.techKey.personId, unitId: s.school.id, chain: 'technical', hours: '2', validFrom: since }
		});
		const people = async (actor: typeof s.admin) =>
			(await findCapacity(t.db, { actor, organizerId: s.org, now })).rows.map((r) => r.personName);
		expect(await people(s.principal)).toEqual(['Bo Ek']);
		expect(await people(s.techKey)).toEqual(['Bo Ek']);
		expect(await people(s.pedKey)).toEqual([]);
		expect(await people(s.otherPrincipal)).toEqual([]);
		expect(await people(s.leader)).toEqual(['Bo Ek']);
		const forKey = await findCapacity(t.db, { actor: s.techKey, organizerId: s.org, now });
		expect(forKey.canCreate).toBe(false);
		expect(forKey.rows[0].assignments[0].canManage).toBe(false);
		// The principal is told who at their units still has no time; the other principal of theirs.
		const forPrincipal = await findCapacity(t.db, { actor: s.principal, organizerId: s.org, now });
		expect(forPrincipal.withoutAllotment).toEqual([{ personName: 'Anna Ek', unitName: 'Ekskolan', chain: 'pedagogical' }]);
		const forOther = await findCapacity(t.db, { actor: s.otherPrincipal, organizerId: s.org, now });
		expect(forOther.withoutAllotment.map((p) => p.personName)).toEqual(['Cilla Björk']);
		expect(await failure(findCapacity(t.db, { actor: s.teacher, organizerId: s.org, now }))).toBe('FORBIDDEN');
	});

	it('shows a key person with protected identity by their pseudonym, but to administrators and themselves', async () => {
		const s = await setUp();
		const hidden = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: s.org, unitId: s.school.id }], {
			name: 'Dora Dold',
			protectedIdentity: true
		});
		await createCapacityAssignment(t.db, {
			actor: s.admin,
			organizerId: s.org,
			input: { personId: hidden.personId, unitId: s.school.id, chain: 'technical', hours: '2', validFrom: since }
		});
		const names = async (actor: typeof s.admin) =>
			(await findCapacity(t.db, { actor, organizerId: s.org, now })).rows.map((r) => r.personName);
		expect(await names(s.principal)).toEqual([expect.stringMatching(/^Skyddad person \d+$/)]);
		expect(await names(s.admin)).toEqual(['Dora Dold']);
		expect(await names(hidden)).toEqual(['Dora Dold']);
		const form = await loadCapacityForm(t.db, { actor: s.principal, organizerId: s.org });
		expect(form.keyPeople.map((p) => p.name)).not.toContain('Dora Dold');
	});

	it('offers the principal only the key people and units below them', async () => {
		const s = await setUp();
		const form = await loadCapacityForm(t.db, { actor: s.principal, organizerId: s.org });
		expect(form.units.map((u) => u.name)).toEqual(['Ekskolan']);
		expect(form.keyPeople.map((p) => p.name)).toEqual(['Anna Ek', 'Bo Ek']);
		expect(await failure(loadCapacityForm(t.db, { actor: s.pedKey, organizerId: s.org }))).toBe('FORBIDDEN');
	});
});
