// Covers: runSupportHousekeeping.
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrganizer, buildPerson, buildTicket, moveTicket } from '../../../../../tests/factories';
import { patchTicket, stockholm } from '../../../../../tests/support-timeline';
import { auditEvents, organizers, outbox, supportCalendarDays, ticketEvents } from '../../db/schema';
import { reopenTicket } from '../tickets/reopen-ticket';
import { runSupportHousekeeping } from './run-support-housekeeping';

const t = useTestDatabase();

/** Summer time in Stockholm (+02:00), as in April. */
const april = (local: string) => stockholm(local, true);

/**
 * A case solved on Wednesday 1 April 2026 at 10:00, just before långfredagen (3 April) and annandag påsk
 * (6 April). Default settings (08:00–17:00): closed 5 working days after the solve, reopenable for 14 days.
 */
async function caseSolvedBeforeEaster(support?: Record<string, unknown>) {
	const org = await buildOrganizer(t.db, support ? { settings: { support } } : {});
	const { ticket, requester } = await buildTicket(t.db, { organizerId: org.id });
	const handler = await buildPerson(t.db);
	await moveTicket(t.db, ticket, { stateTo: 'solved', handlerId: handler.id, body: 'Bytte lampa.', at: april('2026-04-01 10:00') });
	await t.db.delete(outbox).where(eq(outbox.organizerId, org.id));
	return { org, ticket, requester };
}

const eventsOf = (ticketId: string) =>
	t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.id));
const stateOf = async (ticketId: string) => (await patchTicket(t.db, ticketId)).state;

describe('closing solved cases by themselves', () => {
	it('closes a solved case five working days after the solve, the Easter holidays not counted, and says why', async () => {
		const { org, ticket } = await caseSolvedBeforeEaster();
		// Wednesday 7 h, Thursday 9 h, (Friday and Monday are holidays), 7–9 April 27 h, Friday 10 April 2 h.
		expect(await runSupportHousekeeping(t.db, april('2026-04-10 09:59'))).toMatchObject({ closedSolved: 0 });
		expect(await stateOf(ticket.id)).toBe('solved');

		expect(await runSupportHousekeeping(t.db, april('2026-04-10 10:00'))).toMatchObject({ closedSolved: 1 });
		const closed = await patchTicket(t.db, ticket.id);
		expect(closed.state).toBe('closed');
		expect(closed.solvedAt).toEqual(april('2026-04-01 10:00'));
		const last = (await eventsOf(ticket.id)).at(-1)!;
		expect(last).toMatchObject({ kind: 'auto_close', by: 'system', public: true, actorId: null, stateTo: 'closed' });
		expect(last.data).toMatchObject({ closedFrom: 'solved', closeSolvedDays: 5, reopenDaysLeft: 5 });

		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, ticket.id), eq(auditEvents.action, 'ticket.auto_close')));
		expect(audit.changes).toMatchObject({ state: ['solved', 'closed'], closedFrom: 'solved' });
		const mails = await t.db.select().from(outbox).where(eq(outbox.organizerId, org.id));
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toContain('är stängt');
		expect(mails[0].body).toContain('löst i 5 arbetsdagar');
		// The window counts from the solve: 14 days from 1 April leaves 5 on 10 April.
		expect(mails[0].body).toContain('inom 5 dagar');
	});

	it('closes once when run twice, and the requester can still reopen within the window counted from the solve', async () => {
		const { org, ticket, requester } = await caseSolvedBeforeEaster();
		await runSupportHousekeeping(t.db, april('2026-04-10 12:00'));
		expect(await runSupportHousekeeping(t.db, april('2026-04-10 12:00'))).toMatchObject({ closedSolved: 0 });
		expect((await eventsOf(ticket.id)).filter((e) => e.kind === 'auto_close')).toHaveLength(1);

		const late = await reopenTicket(t.db, {
			actor: requester,
			organizerId: org.id,
			number: ticket.number,
			input: { reason: 'Det blinkar igen.' },
			now: april('2026-04-15 10:01')
		}).catch((e) => e);
		expect(late.code).toBe('CONFLICT');
		const reopened = await reopenTicket(t.db, {
			actor: requester,
			organizerId: org.id,
			number: ticket.number,
			input: { reason: 'Det blinkar igen.' },
			now: april('2026-04-14 09:00')
		});
		expect(reopened.state).toBe('in_progress');
	});

	it('counts days the organizer has closed as non-working', async () => {
		const { org, ticket } = await caseSolvedBeforeEaster();
		await t.db.insert(supportCalendarDays).values({ organizerId: org.id, day: '2026-04-08', kind: 'closed', label: 'Studiedag' });
		await runSupportHousekeeping(t.db, april('2026-04-10 10:00'));
		expect(await stateOf(ticket.id)).toBe('solved');
		await runSupportHousekeeping(t.db, april('2026-04-13 10:00'));
		expect(await stateOf(ticket.id)).toBe('closed');
	});

	it('leaves a reopened case open, and counts again from a new solve', async () => {
		const { org, ticket, requester } = await caseSolvedBeforeEaster();
		const reopened = await reopenTicket(t.db, {
			actor: requester,
			organizerId: org.id,
			number: ticket.number,
			input: { reason: 'Fortfarande trasig.' },
			now: april('2026-04-02 09:00')
		});
		await runSupportHousekeeping(t.db, april('2026-04-20 10:00'));
		expect(await stateOf(ticket.id)).toBe('in_progress');

		const handler = await buildPerson(t.db);
		await moveTicket(t.db, reopened, { stateTo: 'solved', handlerId: handler.id, at: april('2026-04-20 10:00') });
		await runSupportHousekeeping(t.db, april('2026-04-24 17:00'));
		expect(await stateOf(ticket.id)).toBe('solved');
		await runSupportHousekeeping(t.db, april('2026-04-27 10:00'));
		expect(await stateOf(ticket.id)).toBe('closed');
	});

	it('never closes solved cases when the organizer set 0 days', async () => {
		const { org, ticket } = await caseSolvedBeforeEaster({ closeSolvedDays: 0 });
		expect(await runSupportHousekeeping(t.db, april('2026-09-01 10:00'))).toMatchObject({ closedSolved: 0 });
		expect(await stateOf(ticket.id)).toBe('solved');
		expect((await eventsOf(ticket.id)).map((e) => e.kind)).toEqual(['filed', 'solve']);
		await t.db
			.update(organizers)
			.set({ settings: { support: { closeSolvedDays: 1 } } })
			.where(eq(organizers.id, org.id));
		await runSupportHousekeeping(t.db, april('2026-09-01 10:00'));
		expect(await stateOf(ticket.id)).toBe('closed');
	});
});
