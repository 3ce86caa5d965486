// Covers: getSupportFigures.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit } from '../../../../../tests/factories';
import { supportCategories, ticketEvents, tickets, ticketSlaBreaches } from '../../db/schema';
import { swedishSortKey } from '$lib/sort-key';
import { getSupportFigures } from './get-support-figures';

const t = useTestDatabase();
const year = { from: '2020-07-01', to: '2100-07-01' };

/** Rewrites a case's timeline to fixed moments (Stockholm winter time = UTC+1). */
async function timeline(ticketId: string, steps: { at: string; lineTo?: 1 | 2 | 3; stateTo?: string; by?: string }[]) {
	await t.db.delete(ticketEvents).where(eq(ticketEvents.ticketId, ticketId));
	const [row] = await t.db.select().from(tickets).where(eq(tickets.id, ticketId));
	for (const s of steps)
		await t.db.insert(ticketEvents).values({
			ticketId,
			organizerId: row.organizerId,
			by: s.by ?? 'handler',
			kind: 'state',
			public: true,
			stateTo: s.stateTo ?? null,
			lineTo: s.lineTo ?? null,
			createdAt: new Date(s.at)
		});
	const last = steps[steps.length - 1];
	await t.db
		.update(tickets)
		.set({
			createdAt: new Date(steps[0].at),
			solvedAt: new Date(last.at),
			state: 'solved',
			line: Math.max(...steps.map((s) => s.lineTo ?? 1))
		})
		.where(eq(tickets.id, ticketId));
}

describe('the support follow-up figures', () => {
	it('sums lost teaching time per unit and category, counts causes and ratings, and keeps to the chosen unit', async () => {
		const org = await buildOrganizer(t.db);
		const [a, b] = [
			await buildUnit(t.db, { organizerId: org.id, name: 'Alfaskolan' }),
			await buildUnit(t.db, { organizerId: org.id, name: 'Betaskolan' })
		];
		const [cat] = await t.db
			.insert(supportCategories)
			.values({ organizerId: org.id, chain: 'technical', name: 'Projektor', nameSort: swedishSortKey('Projektor') })
			.returning();
		const one = await buildTicket(t.db, {
			organizerId: org.id,
			unitId: a.id,
			input: { categoryId: cat.id, lostAmount: 2, studentsAffected: 25 }
		});
		await buildTicket(t.db, {
			organizerId: org.id,
			unitId: a.id,
			input: { categoryId: cat.id, lostAmount: '30', lostUnit: 'minute', studentsAffected: 20 }
		});
		await buildTicket(t.db, { organizerId: org.id, unitId: b.id, input: { chain: 'pedagogical', lostAmount: 0 } });
		await t.db.update(tickets).set({ cause: 'user_error', rating: 4, state: 'solved' }).where(eq(tickets.id, one.ticket.id));
		await t.db.update(tickets).set({ cause: 'hardware', rating: 2 }).where(eq(tickets.unitId, b.id));
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);

		const all = await getSupportFigures(t.db, { actor: admin, filter: { organizerId: org.id, unitId: null, chain: null, ...year } });
		// Rows carry the unit's and category's ids, so the follow-up can plan an action for them (issue 13).
		expect(all.units.find((u) => u.name === 'Alfaskolan')).toMatchObject({ id: a.id, cases: 2, lessons: 2.5, minutes: 150, students: 45 });
		expect(all.categories.find((c) => c.name === 'Projektor')).toMatchObject({ id: cat.id, cases: 2, lessons: 2.5 });
		expect(all.userErrorShare).toBe(0.5);
		expect(all.ratings).toMatchObject({ count: 2, average: 3 });
		expect(all.byChainLine).toEqual([
			{ chain: 'pedagogical', line: 1, cases: 1 },
			{ chain: 'technical', line: 1, cases: 2 }
		]);

		const onlyB = await getSupportFigures(t.db, { actor: admin, filter: { organizerId: org.id, unitId: b.id, chain: null, ...year } });
		expect(onlyB.units.map((u) => u.name)).toEqual(['Betaskolan']);
		const technical = await getSupportFigures(t.db, {
			actor: admin,
			filter: { organizerId: org.id, unitId: null, chain: 'technical', ...year }
		});
		expect(technical.units.map((u) => u.cases)).toEqual([2]);
	});

	it('gives lead time per line in working time, skipping nights and the time spent waiting on the requester', async () => {
		const org = await buildOrganizer(t.db);
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
		const { ticket } = await buildTicket(t.db, { organizerId: org.id });
		// Mon 2025-11-17 09:00 filed (line 1) → escalated 11:00 → waiting on requester 13:00–Tue 09:00 → solved Tue 10:00.
		await timeline(ticket.id, [
			{ at: '2025-11-17T08:00:00Z', lineTo: 1, stateTo: 'new', by: 'requester' },
			{ at: '2025-11-17T10:00:00Z', lineTo: 2 },
			{ at: '2025-11-17T12:00:00Z', stateTo: 'waiting_requester' },
			{ at: '2025-11-18T08:00:00Z', stateTo: 'in_progress', by: 'requester' },
			{ at: '2025-11-18T09:00:00Z', stateTo: 'solved' }
		]);
		const f = await getSupportFigures(t.db, { actor: admin, filter: { organizerId: org.id, unitId: null, chain: null, ...year } });
		expect(f.leadTimes.lines).toEqual([
			{ line: 1, median: 120, p90: 120, n: 1 },
			{ line: 2, median: 180, p90: 180, n: 1 },
			{ line: 3, median: null, p90: null, n: 0 }
		]);
		expect(f.leadTimes.total.median).toBe(300);
		expect(f.byChainLine).toEqual([{ chain: 'technical', line: 2, cases: 1 }]);
	});

	it('measures SLA compliance from recorded breaches of cases that had a target', async () => {
		const org = await buildOrganizer(t.db);
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
		const late = await buildTicket(t.db, { organizerId: org.id });
		const onTime = await buildTicket(t.db, { organizerId: org.id });
		await t.db
			.update(tickets)
			.set({ slaTargets: { resolution: 600 }, state: 'solved' })
			.where(eq(tickets.organizerId, org.id));
		await t.db
			.insert(ticketSlaBreaches)
			.values({ ticketId: late.ticket.id, organizerId: org.id, kind: 'resolution', breachedAt: new Date() });
		expect(onTime.ticket.id).not.toBe(late.ticket.id);
		const f = await getSupportFigures(t.db, { actor: admin, filter: { organizerId: org.id, unitId: null, chain: null, ...year } });
		expect(f.sla.find((s) => s.kind === 'resolution')).toEqual({ kind: 'resolution', measured: 2, breached: 1, compliance: 0.5 });
		expect(f.sla.find((s) => s.kind === 'first_response')?.compliance).toBeNull();
	});

	it('is refused to a teacher and to another organizer, and a principal sees only their own unit', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const other = await buildUnit(t.db, { organizerId: org.id });
		const filter = { organizerId: org.id, unitId: null, chain: null, ...year };
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
		const stranger = await buildActor(t.db, [{ role: 'org_admin', organizerId: (await buildOrganizer(t.db)).id }]);
		const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org.id, unitId: unit.id }]);
		for (const actor of [teacher, stranger, principal])
			expect((await getSupportFigures(t.db, { actor, filter }).catch((e) => e)).code).toBe('FORBIDDEN');
		await expect(getSupportFigures(t.db, { actor: principal, filter: { ...filter, unitId: unit.id } })).resolves.toBeTruthy();
		expect((await getSupportFigures(t.db, { actor: principal, filter: { ...filter, unitId: other.id } }).catch((e) => e)).code).toBe(
			'FORBIDDEN'
		);
	});
});

describe('two units with the same name', () => {
	it('are counted apart (by unit, not by name)', async () => {
		const org = await buildOrganizer(t.db);
		const areas = [
			await buildUnit(t.db, { organizerId: org.id, kind: 'rektorsomrade', name: 'Norr' }),
			await buildUnit(t.db, { organizerId: org.id, kind: 'rektorsomrade', name: 'Söder' })
		];
		const twins = [
			await buildUnit(t.db, { organizerId: org.id, parentId: areas[0].id, name: 'Centrumskolan' }),
			await buildUnit(t.db, { organizerId: org.id, parentId: areas[1].id, name: 'Centrumskolan' })
		];
		await buildTicket(t.db, { organizerId: org.id, unitId: twins[0].id, input: { lostAmount: 2 } });
		await buildTicket(t.db, { organizerId: org.id, unitId: twins[1].id, input: { lostAmount: 1 } });
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
		const figures = await getSupportFigures(t.db, { actor: admin, filter: { organizerId: org.id, unitId: null, chain: null, ...year } });
		expect(figures.units.map((u) => [u.id, u.lessons])).toEqual([
			[twins[0].id, 2],
			[twins[1].id, 1]
		]);
	});
});
