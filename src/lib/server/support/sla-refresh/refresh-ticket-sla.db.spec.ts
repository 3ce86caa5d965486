// Covers: refreshTicketSla, refreshDueTicketSla.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrganizer, buildPerson, buildTicket } from '../../../../../tests/factories';
import { patchTicket, setEventTimes, stockholm } from '../../../../../tests/support-timeline';
import { supportCalendarDays, supportSlaTargets, tickets, ticketSlaBreaches } from '../../db/schema';
import { appendTicketEvent } from '../tickets/append-event';
import { refreshTicketSla } from './refresh-ticket-sla';
import { refreshDueTicketSla } from './refresh-due-ticket-sla';

const t = useTestDatabase();

/** An organizer promising a first response within an hour on normal technical cases, and a case filed Monday 08:00. */
async function caseFiledMonday(firstResponse = 60) {
	const org = await buildOrganizer(t.db);
	await t.db
		.insert(supportSlaTargets)
		.values({ organizerId: org.id, chain: 'technical', urgency: 'normal', firstResponseMinutes: firstResponse });
	const { ticket } = await buildTicket(t.db, { organizerId: org.id });
	await setEventTimes(t.db, ticket.id, [stockholm('2026-11-16 08:00')]);
	return { org, ticket: await patchTicket(t.db, ticket.id) };
}

const breachesOf = (ticketId: string) => t.db.select().from(ticketSlaBreaches).where(eq(ticketSlaBreaches.ticketId, ticketId));
const reload = async (id: string) => (await t.db.select().from(tickets).where(eq(tickets.id, id)))[0];

describe('refreshing a case’s SLA', () => {
	it('sets the status and the nearest deadline, and records a breach once', async () => {
		const { ticket } = await caseFiledMonday();
		await refreshTicketSla(t.db, ticket, { now: stockholm('2026-11-16 08:30') });
		expect(await reload(ticket.id)).toMatchObject({ slaStatus: 'running', slaDueAt: stockholm('2026-11-16 09:00') });

		await refreshTicketSla(t.db, await reload(ticket.id), { now: stockholm('2026-11-16 08:50') });
		expect((await reload(ticket.id)).slaStatus).toBe('at_risk');

		await refreshTicketSla(t.db, await reload(ticket.id), { now: stockholm('2026-11-16 10:00') });
		await refreshTicketSla(t.db, await reload(ticket.id), { now: stockholm('2026-11-17 10:00') });
		expect(await reload(ticket.id)).toMatchObject({ slaStatus: 'breached', slaDueAt: null });
		expect(await breachesOf(ticket.id)).toMatchObject([{ kind: 'first_response', line: 0, breachedAt: stockholm('2026-11-16 09:00') }]);
	});

	it('counts only working time: the organizer’s own closed day stops the clock', async () => {
		const { org, ticket } = await caseFiledMonday(9 * 60 + 30);
		await t.db.insert(supportCalendarDays).values({ organizerId: org.id, day: '2026-11-17', kind: 'closed', label: 'Studiedag' });
		await refreshTicketSla(t.db, ticket, { now: stockholm('2026-11-16 12:00') });
		// Nine hours on Monday, Tuesday closed, the last half hour on Wednesday.
		expect((await reload(ticket.id)).slaDueAt).toEqual(stockholm('2026-11-18 08:30'));
	});

	it('keeps an old case’s snapshot and its recorded breaches when the organizer changes its targets', async () => {
		const { org, ticket } = await caseFiledMonday();
		await refreshTicketSla(t.db, ticket, { now: stockholm('2026-11-16 10:00') });
		await t.db.update(supportSlaTargets).set({ firstResponseMinutes: 600 }).where(eq(supportSlaTargets.organizerId, org.id));
		await refreshTicketSla(t.db, await reload(ticket.id), { now: stockholm('2026-11-16 11:00') });
		expect(await reload(ticket.id)).toMatchObject({ slaTargets: { firstResponse: 60 }, slaStatus: 'breached' });

		// Even when the case's own snapshot changes (as when its urgency is changed), the breach stays recorded.
		await patchTicket(t.db, ticket.id, { slaTargets: { firstResponse: 600 } });
		await refreshTicketSla(t.db, await reload(ticket.id), { now: stockholm('2026-11-16 11:00') });
		expect((await reload(ticket.id)).slaStatus).toBe('running');
		expect(await breachesOf(ticket.id)).toMatchObject([{ kind: 'first_response', breachedAt: stockholm('2026-11-16 09:00') }]);

		const later = await buildTicket(t.db, { organizerId: org.id });
		expect(later.ticket.slaTargets).toEqual({ firstResponse: 600 });
	});

	it('is refreshed by every event: a public reply meets the first-response target', async () => {
		const org = await buildOrganizer(t.db);
		await t.db.insert(supportSlaTargets).values({ organizerId: org.id, chain: 'technical', urgency: 'normal', firstResponseMinutes: 60 });
		const { ticket } = await buildTicket(t.db, { organizerId: org.id });
		expect(ticket.slaStatus).toBe('running');
		expect(ticket.slaDueAt).toBeInstanceOf(Date);
		const handler = await buildPerson(t.db);
		const { ticket: after } = await appendTicketEvent(t.db, ticket, {
			actorId: handler.id,
			by: 'handler',
			kind: 'reply',
			public: true,
			body: 'Vi tittar på det.'
		});
		expect(after).toMatchObject({ slaStatus: 'met', slaDueAt: null });
		expect(await reload(ticket.id)).toMatchObject({ slaStatus: 'met', slaDueAt: null });
	});
});

describe('the SLA job', () => {
	it('records breaches of open cases without any event, leaves cases far from their deadline, and can run twice', async () => {
		const due = await caseFiledMonday();
		await refreshTicketSla(t.db, due.ticket, { now: stockholm('2026-11-16 08:10') });
		const far = await caseFiledMonday(6000);
		await refreshTicketSla(t.db, far.ticket, { now: stockholm('2026-11-16 08:10') });
		const farBefore = await reload(far.ticket.id);

		const now = stockholm('2026-11-16 09:30');
		const first = await refreshDueTicketSla(t.db, now, { batchSize: 1 });
		expect(first.refreshed).toBeGreaterThanOrEqual(1);
		expect(await reload(due.ticket.id)).toMatchObject({ slaStatus: 'breached', slaDueAt: null });
		expect(await breachesOf(due.ticket.id)).toHaveLength(1);
		expect(await reload(far.ticket.id)).toEqual(farBefore);

		await refreshDueTicketSla(t.db, now);
		expect(await breachesOf(due.ticket.id)).toHaveLength(1);
	});
});
