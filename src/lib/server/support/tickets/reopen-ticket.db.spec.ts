// Covers: reopenTicket.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildTicket, moveTicket } from '../../../../../tests/factories';
import { auditEvents, organizers, ticketEvents, tickets } from '../../db/schema';
import { reopenTicket } from './reopen-ticket';

const t = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

async function caseSolved(daysAgo: number, reopenDays?: number) {
	const built = await buildTicket(t.db);
	if (reopenDays !== undefined) {
		await t.db
			.update(organizers)
			.set({ settings: { support: { reopenDays } } })
			.where(eq(organizers.id, built.organizerId));
	}
	const handler = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: built.organizerId, unitId: built.unitId }]);
	await moveTicket(t.db, built.ticket, { stateTo: 'solved', handlerId: handler.personId, at: new Date(Date.now() - daysAgo * DAY) });
	return built;
}
const row = async (id: string) => (await t.db.select().from(tickets).where(eq(tickets.id, id)))[0];

describe('reopening a case', () => {
	it('puts a recently solved case back in progress with the reason on the timeline', async () => {
		const { ticket, organizerId, requester } = await caseSolved(2);
		await reopenTicket(t.db, { actor: requester, organizerId, number: ticket.number, input: { reason: 'Projektorn slocknade igen.' } });
		expect(await row(ticket.id)).toMatchObject({ state: 'in_progress', solvedAt: null, solvedById: null });
		const events = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
		expect(events.at(-1)).toMatchObject({ kind: 'reopen', stateTo: 'in_progress', body: 'Projektorn slocknade igen.', by: 'requester' });
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ticket.id));
		expect(audit.map((a) => a.action)).toContain('ticket.reopen');
	});

	it("refuses after the organizer's window and writes nothing", async () => {
		const { ticket, organizerId, requester } = await caseSolved(8, 7);
		const before = await row(ticket.id);
		const err = await reopenTicket(t.db, { actor: requester, organizerId, number: ticket.number, input: { reason: 'Igen' } }).catch(
			(e) => e
		);
		expect(err).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'reason', message: 'tickets_error_reopen_window' }] });
		expect(await row(ticket.id)).toEqual(before);
		// Within the same window it works.
		const recent = await caseSolved(6, 7);
		await reopenTicket(t.db, {
			actor: recent.requester,
			organizerId: recent.organizerId,
			number: recent.ticket.number,
			input: { reason: 'Igen' }
		});
		expect((await row(recent.ticket.id)).state).toBe('in_progress');
	});

	it('refuses an open case, a missing reason, and anyone but the requester', async () => {
		const open = await buildTicket(t.db);
		const err = await reopenTicket(t.db, {
			actor: open.requester,
			organizerId: open.organizerId,
			number: open.ticket.number,
			input: { reason: 'x' }
		}).catch((e) => e);
		expect(err.code).toBe('CONFLICT');
		const { ticket, organizerId, unitId, requester } = await caseSolved(1);
		expect(
			(await reopenTicket(t.db, { actor: requester, organizerId, number: ticket.number, input: { reason: '  ' } }).catch((e) => e)).issues
		).toEqual([{ field: 'reason', message: 'tickets_error_reopen_reason' }]);
		const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId }]);
		expect(
			(await reopenTicket(t.db, { actor: keyPerson, organizerId, number: ticket.number, input: { reason: 'x' } }).catch((e) => e)).code
		).toBe('FORBIDDEN');
		expect((await row(ticket.id)).state).toBe('solved');
	});
});
