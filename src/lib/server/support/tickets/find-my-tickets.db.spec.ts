// Covers: decodeCursor, encodeCursor, findMyTickets.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildTicket, buildUnit } from '../../../../../tests/factories';
import { decodeCursor, encodeCursor, findMyTickets } from './find-my-tickets';

const t = useTestDatabase();

describe("finding a person's own cases", () => {
	it('lists cases filed by or for the person, newest first, a page at a time', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const org2 = await buildOrganizer(t.db);
		const unit2 = await buildUnit(t.db, { organizerId: org2.id });
		const me = await buildActor(t.db, [
			{ role: 'staff', organizerId: org.id, unitId: unit.id },
			{ role: 'staff', organizerId: org2.id, unitId: unit2.id }
		]);
		const pupil = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org.id, unitId: unit.id }] });
		const numbers: number[] = [];
		for (let i = 0; i < 4; i++)
			numbers.push((await buildTicket(t.db, { organizerId: org.id, unitId: unit.id, requester: me })).ticket.number);
		numbers.push(
			(await buildTicket(t.db, { organizerId: org.id, unitId: unit.id, requester: me, input: { onBehalfOfId: pupil.id } })).ticket.number
		);
		await buildTicket(t.db, { organizerId: org.id, unitId: unit.id }); // a colleague's case
		await buildTicket(t.db, { organizerId: org2.id, unitId: unit2.id, requester: me }); // another organizer

		const first = await findMyTickets(t.db, { actor: me, organizerId: org.id, limit: 3 });
		expect(first.tickets.map((c) => c.number)).toEqual(numbers.slice().reverse().slice(0, 3));
		expect(first.tickets[0].forSomeoneElse).toBe(true);
		const second = await findMyTickets(t.db, { actor: me, organizerId: org.id, limit: 3, after: decodeCursor(encodeCursor(first.next!)) });
		expect(second.tickets.map((c) => c.number)).toEqual(numbers.slice().reverse().slice(3));
		expect(second.next).toBeNull();
	});

	it('treats a malformed cursor as the first page', () => {
		for (const raw of [null, '', 'x_y', '2026-01-01T00:00:00.000Z_inte-ett-id', "'; drop table tickets"])
			expect(decodeCursor(raw)).toBeNull();
	});

	it('shows nothing to someone without cases', async () => {
		const org = await buildOrganizer(t.db);
		const someone = await buildActor(t.db, [{ role: 'staff', organizerId: org.id }]);
		expect(await findMyTickets(t.db, { actor: someone, organizerId: org.id })).toEqual({ tickets: [], next: null });
	});
});
