/** Covers findQueue's "deadline" order (overdue first) and the "Snart försenade" tab (view 'soon'), decision 027. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit } from '../../../../../tests/factories';
import { tickets } from '../../db/schema';
import { findQueue } from '../queues/find-queue';
import { refreshTicketSla } from '../sla-refresh/refresh-ticket-sla';

const t = useTestDatabase();
const HOUR = 3_600_000;

async function setup() {
	const org = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: org.id });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org.id }]);
	const now = Date.now();
	const at = (h: number) => new Date(now + h * HOUR);
	const file = async (sla: Partial<typeof tickets.$inferInsert>) => {
		const { ticket } = await buildTicket(t.db, { organizerId: org.id, unitId: unit.id });
		await t.db.update(tickets).set(sla).where(eq(tickets.id, ticket.id));
		return ticket.number;
	};
	const n = {
		longOverdue: await file({ state: 'in_progress', slaStatus: 'breached', slaOverdueSince: at(-30), slaDueAt: at(20) }),
		overdue: await file({ state: 'in_progress', slaStatus: 'breached', slaOverdueSince: at(-1), slaDueAt: null }),
		pastDue: await file({ state: 'new', slaStatus: 'running', slaDueAt: at(-0.2), slaOverdueSince: null }),
		dueSoon: await file({ state: 'new', slaStatus: 'running', slaDueAt: at(2), slaOverdueSince: null }),
		atRisk: await file({ state: 'in_progress', slaStatus: 'at_risk', slaDueAt: at(48), slaOverdueSince: null }),
		later: await file({ state: 'new', slaStatus: 'running', slaDueAt: at(72), slaOverdueSince: null }),
		noDeadline: await file({ state: 'new', slaStatus: 'running', slaDueAt: null, slaOverdueSince: null }),
		closed: await file({ state: 'closed', slaStatus: 'breached', slaDueAt: null, slaOverdueSince: null })
	};
	return { org, central, n };
}

describe('the queue sorted by deadline', () => {
	it('puts overdue cases first, the longest overdue first, then the soonest due, then those without a deadline', async () => {
		const s = await setup();
		const page = await findQueue(t.db, { actor: s.central, organizerId: s.org.id, view: 'all', sort: 'deadline' });
		const order = page.tickets.map((r) => r.number);
		expect(order.slice(0, 6)).toEqual([s.n.longOverdue, s.n.overdue, s.n.pastDue, s.n.dueSoon, s.n.atRisk, s.n.later]);
		expect(order.slice(6).sort((a, b) => a - b)).toEqual([s.n.noDeadline, s.n.closed].sort((a, b) => a - b));
		expect(page.tickets[0]).toMatchObject({ slaStatus: 'breached' });
		expect(page.tickets[0].overdueSince?.getTime()).toBeLessThan(Date.now() - 29 * HOUR);
		expect(page.tickets[0].slaDueAt?.getTime()).toBeGreaterThan(Date.now());
		expect(page.tickets[3].overdueSince).toBeNull();
	});

	it('pages by keyset across the border between overdue and not, without gaps or repeats', async () => {
		const s = await setup();
		const first = await findQueue(t.db, { actor: s.central, organizerId: s.org.id, view: 'all', sort: 'deadline' });
		const whole = first.tickets.map((r) => r.number);
		for (const limit of [1, 2, 3]) {
			const seen: number[] = [];
			let after: string | null = null;
			let pages = 0;
			do {
				const page: Awaited<ReturnType<typeof findQueue>> = await findQueue(t.db, {
					actor: s.central,
					organizerId: s.org.id,
					view: 'all',
					sort: 'deadline',
					after,
					limit
				});
				seen.push(...page.tickets.map((r) => r.number));
				after = page.nextCursor;
				pages++;
			} while (after && pages < 20);
			expect(seen, `limit ${limit}`).toEqual(whole);
			expect(pages).toBe(Math.ceil(8 / limit));
		}
	});
});

describe('storing since when a case is overdue', () => {
	it('sets it when a running clock passes its target and clears it once the case is solved', async () => {
		const { ticket } = await buildTicket(t.db);
		const [row] = await t.db
			.update(tickets)
			.set({ slaTargets: { firstResponse: 60, resolution: 100000 } })
			.where(eq(tickets.id, ticket.id))
			.returning();
		const late = await refreshTicketSla(t.db, row, { now: new Date(Date.now() + 10 * 86_400_000) });
		expect(late.overdueSince).not.toBeNull();
		const [stored] = await t.db.select().from(tickets).where(eq(tickets.id, ticket.id));
		expect(stored.slaOverdueSince).toEqual(late.overdueSince);
		expect(stored.slaDueAt?.getTime()).toBeGreaterThan(late.overdueSince!.getTime());
		const [solved] = await t.db.update(tickets).set({ state: 'solved' }).where(eq(tickets.id, ticket.id)).returning();
		expect((await refreshTicketSla(t.db, solved, { now: new Date(Date.now() + 10 * 86_400_000) })).overdueSince).toBeNull();
	});
});

describe('the "Snart försenade" tab', () => {
	it('lists open cases due within four hours or past 80 % of their target, never those already late', async () => {
		const s = await setup();
		const page = await findQueue(t.db, { actor: s.central, organizerId: s.org.id, view: 'soon', sort: 'deadline' });
		expect(page.tickets.map((r) => r.number)).toEqual([s.n.dueSoon, s.n.atRisk]);
	});
});
