// Covers: runSupportHousekeeping.
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrganizer, buildPerson, buildTicket } from '../../../../../tests/factories';
import { patchTicket, setEventTimes, stockholm } from '../../../../../tests/support-timeline';
import { auditEvents, outbox, ticketEvents } from '../../db/schema';
import { appendTicketEvent } from '../tickets/append-event';
import { runSupportHousekeeping } from './run-support-housekeeping';

const t = useTestDatabase();

/**
 * A case the handler put on "väntar på anmälaren" on Tuesday 23 December 2025 at 10:00 — just before
 * julafton, juldagen, annandag jul, nyårsafton, nyårsdagen and trettondedagen. Default settings:
 * a reminder after 3 working days, closing 5 working days after the reminder.
 */
async function caseWaitingOverChristmas() {
	const org = await buildOrganizer(t.db);
	const { ticket } = await buildTicket(t.db, { organizerId: org.id });
	const handler = await buildPerson(t.db);
	await appendTicketEvent(t.db, ticket, {
		actorId: handler.id,
		by: 'handler',
		kind: 'reply',
		public: true,
		body: 'Vilket rum gäller det?',
		stateTo: 'waiting_requester'
	});
	await setEventTimes(t.db, ticket.id, [stockholm('2025-12-22 09:00'), stockholm('2025-12-23 10:00')]);
	await patchTicket(t.db, ticket.id, { waitingSince: stockholm('2025-12-23 10:00') });
	await t.db.delete(outbox).where(eq(outbox.organizerId, org.id));
	return { org, ticket };
}

const kinds = async (ticketId: string) =>
	(
		await t.db
			.select({ kind: ticketEvents.kind })
			.from(ticketEvents)
			.where(eq(ticketEvents.ticketId, ticketId))
			.orderBy(asc(ticketEvents.id))
	).map((e) => e.kind);
const mailsOf = (organizerId: string) => t.db.select().from(outbox).where(eq(outbox.organizerId, organizerId)).orderBy(asc(outbox.id));

describe('reminders and auto-close', () => {
	it('reminds the requester once, three working days into the wait, holidays not counted', async () => {
		const { org, ticket } = await caseWaitingOverChristmas();
		// Tuesday 7 h, Monday 29th 9 h, Tuesday 30th 9 h, Friday 2 January 2 h: due 10:00 on 2 January.
		await runSupportHousekeeping(t.db, stockholm('2026-01-02 09:59'));
		expect(await kinds(ticket.id)).toEqual(['filed', 'reply']);

		await runSupportHousekeeping(t.db, stockholm('2026-01-02 10:00'));
		await runSupportHousekeeping(t.db, stockholm('2026-01-02 15:00'));
		await runSupportHousekeeping(t.db, stockholm('2026-01-05 15:00'));
		expect(await kinds(ticket.id)).toEqual(['filed', 'reply', 'reminder']);
		const [reminder] = await t.db
			.select()
			.from(ticketEvents)
			.where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, 'reminder')));
		expect(reminder).toMatchObject({ by: 'system', public: true, actorId: null, stateTo: null });
		const mails = await mailsOf(org.id);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toContain('Vi väntar på ditt svar');
		expect(mails[0].body).toContain('5 arbetsdagar');
		expect((await patchTicket(t.db, ticket.id)).state).toBe('waiting_requester');
	});

	it('closes the case five working days after the reminder, trettondedagen not counted, and says how long it can be reopened', async () => {
		const { org, ticket } = await caseWaitingOverChristmas();
		await runSupportHousekeeping(t.db, stockholm('2026-01-02 10:00'));
		// 2 January 7 h, 5 January 9 h, 7–9 January 27 h, Monday 12 January 2 h: due 10:00 on 12 January.
		await runSupportHousekeeping(t.db, stockholm('2026-01-12 09:59'));
		expect((await patchTicket(t.db, ticket.id)).state).toBe('waiting_requester');

		await runSupportHousekeeping(t.db, stockholm('2026-01-12 10:00'));
		const closed = await patchTicket(t.db, ticket.id);
		expect(closed).toMatchObject({ state: 'closed', waitingSince: null });
		expect(closed.closedAt).toBeInstanceOf(Date);
		expect(await kinds(ticket.id)).toEqual(['filed', 'reply', 'reminder', 'auto_close']);
		const mails = await mailsOf(org.id);
		expect(mails).toHaveLength(2);
		expect(mails[1].subject).toContain('är stängt');
		expect(mails[1].body).toContain('inom 14 dagar');
		const audit = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, ticket.id));
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['ticket.remind', 'ticket.auto_close']));
	});

	it('does each step once when run twice or late, and counts the close from when the reminder actually went out', async () => {
		const { ticket } = await caseWaitingOverChristmas();
		// The job did not run for weeks: the reminder goes out late, the close waits five more working days.
		const late = stockholm('2026-02-02 12:00');
		expect(await runSupportHousekeeping(t.db, late)).toMatchObject({ reminded: 1, closed: 0 });
		expect(await runSupportHousekeeping(t.db, late)).toMatchObject({ reminded: 0, closed: 0 });
		await runSupportHousekeeping(t.db, stockholm('2026-02-06 17:00'));
		expect((await patchTicket(t.db, ticket.id)).state).toBe('waiting_requester');
		await runSupportHousekeeping(t.db, stockholm('2026-02-09 12:00'));
		await runSupportHousekeeping(t.db, stockholm('2026-02-09 12:00'));
		expect(await kinds(ticket.id)).toEqual(['filed', 'reply', 'reminder', 'auto_close']);
	});

	it('leaves a case alone once the requester has answered', async () => {
		const { ticket } = await caseWaitingOverChristmas();
		const waiting = await patchTicket(t.db, ticket.id);
		await appendTicketEvent(t.db, waiting, {
			actorId: ticket.requesterId,
			by: 'requester',
			kind: 'reply',
			public: true,
			body: 'Sal 4.',
			stateTo: 'in_progress'
		});
		await runSupportHousekeeping(t.db, stockholm('2026-03-02 10:00'));
		expect(await kinds(ticket.id)).toEqual(['filed', 'reply', 'reply']);
	});
});
