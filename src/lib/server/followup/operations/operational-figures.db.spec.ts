// Covers: getOperationalFigures, olaCompliance, monthlyFigures, compareUnits, scopeSize.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit } from '../../../../../tests/factories';
import { ticketEvents, tickets, ticketSlaBreaches } from '../../db/schema';
import { saveUnitSizes } from './save-unit-sizes';
import { getOperationalFigures } from './get-operational-figures';

const t = useTestDatabase();
const period = { from: '2025-07-01', to: '2026-07-01', today: '2026-06-15' };

type World = Awaited<ReturnType<typeof buildWorld>>;

/** An area with two sized schools, a sized school outside it and a school with no size; two cases at each school. */
async function buildWorld() {
	const org = await buildOrganizer(t.db);
	const area = await buildUnit(t.db, { organizerId: org.id, name: 'Norra området', kind: 'rektorsomrade' });
	const s1 = await buildUnit(t.db, { organizerId: org.id, parentId: area.id, name: 'Alfaskolan' });
	const s2 = await buildUnit(t.db, { organizerId: org.id, parentId: area.id, name: 'Betaskolan' });
	const s3 = await buildUnit(t.db, { organizerId: org.id, name: 'Gammaskolan' });
	const s4 = await buildUnit(t.db, { organizerId: org.id, name: 'Deltaskolan' });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org.id, unitId: area.id }]);
	await saveUnitSizes(t.db, {
		actor: admin,
		organizerId: org.id,
		schoolYear: '2025/26',
		source: 'manual',
		rows: [
			{ unitId: s1.id, students: '200', staff: '20' },
			{ unitId: s2.id, students: '100', staff: '10' },
			{ unitId: s4.id, students: '400', staff: '' }
		]
	});
	const ids: Record<string, string[]> = {};
	for (const u of [s1, s2, s3, s4])
		for (let i = 0; i < 2; i++) {
			const { ticket } = await buildTicket(t.db, { organizerId: org.id, unitId: u.id, input: { lostAmount: 1, studentsAffected: 10 } });
			(ids[u.name] ??= []).push(ticket.id);
		}
	await t.db
		.update(tickets)
		.set({ createdAt: new Date('2025-09-15T08:00:00Z') })
		.where(inArray(tickets.id, Object.values(ids).flat()));
	return { org, area, s1, s2, s3, s4, admin, principal, ids };
}

describe('the operational follow-up', () => {
	let w: World;
	beforeAll(async () => {
		w = await buildWorld();
	});

	it('puts units side by side per 100 students and states the spread, listing the school with no size', async () => {
		const f = await getOperationalFigures(t.db, { actor: w.admin, organizerId: w.org.id, unitId: null, ...period });
		const rows = Object.fromEntries(f.comparison.rows.map((r) => [r.name, r]));
		expect(rows.Alfaskolan).toMatchObject({
			students: 200,
			cases: 2,
			casesPer100Students: 1,
			lessonsLostPer100Students: 1,
			casesPer100Staff: 10
		});
		expect(rows.Betaskolan).toMatchObject({ casesPer100Students: 2, casesPer100Staff: 20 });
		expect(rows.Deltaskolan).toMatchObject({ casesPer100Students: 0.5, casesPer100Staff: null });
		expect(rows['Norra området']).toBeUndefined();
		expect(f.comparison.spread.casesPer100Students).toMatchObject({ n: 3, min: 0.5, median: 1, max: 2, ratio: 4 });
		// Staff is known at two schools only: the spread says so by its count.
		expect(f.comparison.spread.casesPer100Staff).toMatchObject({ n: 2, min: 10, max: 20, ratio: 2 });
		expect(f.comparison.withoutSize).toEqual([{ unitId: w.s3.id, name: 'Gammaskolan', cases: 2 }]);
		// Eight cases, six of them at schools with 700 students: 0.857… → 0.9 per 100.
		expect(f.headline).toMatchObject({ cases: 8, lessonsLost: 8, students: 700, casesPer100Students: 0.9 });
		expect(f.withoutSizeCount).toBe(1);
		expect(f.organizerAverage).toBeNull();
	});

	it("shows a principal their area beside the organizer's average, and no other unit's row", async () => {
		const f = await getOperationalFigures(t.db, { actor: w.principal, organizerId: w.org.id, unitId: w.area.id, ...period });
		// The area's size is its schools' sum: four cases at 300 students.
		expect(f.headline).toMatchObject({ cases: 4, students: 300, casesPer100Students: 1.3, lessonsLostPer100Students: 1.3 });
		expect(f.organizerAverage).toMatchObject({ cases: 8, students: 700, casesPer100Students: 0.9 });
		expect(f.comparison.rows.map((r) => r.name).sort()).toEqual(['Alfaskolan', 'Betaskolan']);
		expect(f.comparison.withoutSize).toEqual([]);
		await expect(
			getOperationalFigures(t.db, { actor: w.principal, organizerId: w.org.id, unitId: w.s4.id, ...period })
		).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		// At the organizer as a whole a principal reads the totals, and still only their own units side by side.
		const whole = await getOperationalFigures(t.db, { actor: w.principal, organizerId: w.org.id, unitId: null, ...period });
		expect(whole.comparison.rows.map((r) => r.name).sort()).toEqual(['Alfaskolan', 'Betaskolan']);
		expect(whole.comparison.withoutSize).toEqual([]);
	});

	it('refuses a staff member and a unit of another organizer', async () => {
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: w.org.id, unitId: w.s1.id }]);
		await expect(getOperationalFigures(t.db, { actor: staff, organizerId: w.org.id, unitId: w.s1.id, ...period })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		const other = await buildUnit(t.db);
		await expect(getOperationalFigures(t.db, { actor: w.admin, organizerId: w.org.id, unitId: other.id, ...period })).rejects.toMatchObject(
			{
				code: 'NOT_FOUND'
			}
		);
	});
});

describe('OLA compliance and trend buckets', () => {
	it('counts OLA per line from the per-line targets and the line breaches', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
		const made = [];
		for (let i = 0; i < 5; i++) made.push((await buildTicket(t.db, { organizerId: org.id, unitId: unit.id })).ticket);
		const [escalated, kept, open, back, stayed] = made;
		await t.db
			.update(tickets)
			.set({ slaTargets: { perLine: { 1: 60, 2: 120 } }, state: 'solved', line: 2 })
			.where(eq(tickets.id, escalated.id));
		await t.db
			.insert(ticketEvents)
			.values({ ticketId: escalated.id, organizerId: org.id, by: 'handler', kind: 'escalate', public: false, lineTo: 2 });
		await t.db
			.insert(ticketSlaBreaches)
			.values({ ticketId: escalated.id, organizerId: org.id, kind: 'line', line: 2, breachedAt: new Date() });
		await t.db
			.update(tickets)
			.set({ slaTargets: { perLine: { 1: 60 } }, state: 'closed' })
			.where(eq(tickets.id, kept.id));
		// Open and within its target: not judged yet.
		await t.db
			.update(tickets)
			.set({ slaTargets: { perLine: { 1: 60 } } })
			.where(eq(tickets.id, open.id));
		// Sent back to line 1 after breaking line 2's target there: still open, judged on line 2 by its breach.
		await t.db
			.update(tickets)
			.set({ slaTargets: { perLine: { 2: 120 } }, line: 1, maxLine: 2 })
			.where(eq(tickets.id, back.id));
		await t.db.insert(ticketSlaBreaches).values({ ticketId: back.id, organizerId: org.id, kind: 'line', line: 2, breachedAt: new Date() });
		// Solved on line 1 with a target for line 2 as well: line 2 was never reached, so it is not judged there.
		await t.db
			.update(tickets)
			.set({ slaTargets: { perLine: { 1: 60, 2: 120 } }, state: 'solved' })
			.where(eq(tickets.id, stayed.id));

		const f = await getOperationalFigures(t.db, { actor: admin, organizerId: org.id, unitId: null, from: '2020-07-01', to: '2100-07-01' });
		expect(f.ola).toEqual([
			{ line: 1, measured: 3, breached: 0, compliance: 1 },
			{ line: 2, measured: 2, breached: 2, compliance: 0 },
			{ line: 3, measured: 0, breached: 0, compliance: null }
		]);
	});

	it('puts a case filed half past midnight on New Year in Stockholm in January and the spring term', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
		const at = async (iso: string) => {
			const { ticket } = await buildTicket(t.db, { organizerId: org.id, unitId: unit.id });
			await t.db
				.update(tickets)
				.set({ createdAt: new Date(iso) })
				.where(eq(tickets.id, ticket.id));
		};
		await at('2025-12-31T23:30:00Z'); // 00:30 on 1 January in Stockholm (UTC+1)
		await at('2025-12-31T22:30:00Z'); // 23:30 on New Year's Eve
		await at('2025-06-30T22:30:00Z'); // 00:30 on 1 July (UTC+2): the school year 2025/26
		await at('2025-06-30T21:30:00Z'); // 23:30 on 30 June: still 2024/25
		const opts = { actor: admin, organizerId: org.id, unitId: null, ...period };
		const byMonth = await getOperationalFigures(t.db, { ...opts, granularity: 'month' });
		const month = (k: string) => byMonth.trend.find((p) => p.key === k)?.cases;
		expect([month('2025-06'), month('2025-07'), month('2025-12'), month('2026-01')]).toEqual([1, 1, 1, 1]);
		const byTerm = await getOperationalFigures(t.db, { ...opts, granularity: 'term' });
		const term = (k: string) => byTerm.trend.find((p) => p.key === k)?.cases;
		expect([term('VT 2025'), term('HT 2025'), term('VT 2026')]).toEqual([1, 2, 1]);
		const byYear = await getOperationalFigures(t.db, { ...opts, granularity: 'year' });
		expect(byYear.trend.map((p) => [p.key, p.cases])).toEqual([
			['2023/24', 0],
			['2024/25', 1],
			['2025/26', 3]
		]);
		// The period itself (2025/26) counts the three filed from 1 July on.
		expect(byYear.headline.cases).toBe(3);
	});
});
