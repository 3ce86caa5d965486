// Covers: rateTicket.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildTicket, moveTicket } from '../../../../../tests/factories';
import { auditEvents, ticketEvents, tickets } from '../../db/schema';
import { rateTicket } from './rate-ticket';

const t = useTestDatabase();

async function solvedCase() {
	const built = await buildTicket(t.db);
	const handler = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: built.organizerId, unitId: built.unitId }]);
	await moveTicket(t.db, built.ticket, { stateTo: 'solved', handlerId: handler.personId });
	return { ...built, handler };
}
const row = async (id: string) => (await t.db.select().from(tickets).where(eq(tickets.id, id)))[0];

describe('rating a solved case', () => {
	it('records the rating and comment once, on the timeline and in the audit log', async () => {
		const { ticket, organizerId, requester } = await solvedCase();
		await rateTicket(t.db, {
			actor: requester,
			organizerId,
			number: ticket.number,
			input: { rating: '4', comment: '<b>Snabbt</b> fixat' }
		});
		expect(await row(ticket.id)).toMatchObject({ rating: 4, ratingComment: '<b>Snabbt</b> fixat', state: 'solved' });
		const events = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
		expect(events.at(-1)).toMatchObject({ kind: 'rate', data: { rating: 4 }, body: '<b>Snabbt</b> fixat' });
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ticket.id));
		expect(audit.find((a) => a.action === 'ticket.rate')?.changes).toEqual({
			rating: [null, 4],
			ratingComment: [null, '<b>Snabbt</b> fixat']
		});
	});

	it('refuses a second rating and keeps the first', async () => {
		const { ticket, organizerId, requester } = await solvedCase();
		await rateTicket(t.db, { actor: requester, organizerId, number: ticket.number, input: { rating: 5 } });
		const err = await rateTicket(t.db, { actor: requester, organizerId, number: ticket.number, input: { rating: 1 } }).catch((e) => e);
		expect(err).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'rating', message: 'tickets_error_already_rated' }] });
		expect((await row(ticket.id)).rating).toBe(5);
	});

	it('refuses ratings outside 1–5 and a case that is not solved', async () => {
		const { ticket, organizerId, requester } = await solvedCase();
		for (const rating of ['0', '6', '3.5', 'bra', '']) {
			const err = await rateTicket(t.db, { actor: requester, organizerId, number: ticket.number, input: { rating } }).catch((e) => e);
			expect(err.issues).toEqual([{ field: 'rating', message: 'tickets_error_rating' }]);
		}
		const open = await buildTicket(t.db);
		expect(
			(
				await rateTicket(t.db, {
					actor: open.requester,
					organizerId: open.organizerId,
					number: open.ticket.number,
					input: { rating: 3 }
				}).catch((e) => e)
			).code
		).toBe('FORBIDDEN');
		expect((await row(ticket.id)).rating).toBeNull();
	});

	it("does not let anyone rate someone else's case, nor a handler who solved their own", async () => {
		const { ticket, organizerId, unitId, handler } = await solvedCase();
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId, unitId }]);
		const input = { rating: 1 };
		expect((await rateTicket(t.db, { actor: colleague, organizerId, number: ticket.number, input }).catch((e) => e)).code).toBe(
			'NOT_FOUND'
		);
		expect((await rateTicket(t.db, { actor: handler, organizerId, number: ticket.number, input }).catch((e) => e)).code).toBe('FORBIDDEN');

		// A key person files their own case and solves it: they may not rate it.
		const own = await buildTicket(t.db, { organizerId, unitId, requester: handler });
		await moveTicket(t.db, own.ticket, { stateTo: 'solved', handlerId: handler.personId });
		expect((await rateTicket(t.db, { actor: handler, organizerId, number: own.ticket.number, input }).catch((e) => e)).code).toBe(
			'FORBIDDEN'
		);
		expect((await row(ticket.id)).rating).toBeNull();
		expect((await row(own.ticket.id)).rating).toBeNull();
	});
});
