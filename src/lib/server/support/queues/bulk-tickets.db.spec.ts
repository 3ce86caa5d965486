// Covers: assignTicketsToMe, closeSolvedTickets.
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit } from '../../../../../tests/factories';
import { auditEvents, ticketEvents, tickets } from '../../db/schema';
import { assignTicketsToMe } from './assign-tickets-to-me';
import { closeSolvedTickets } from './close-solved-tickets';

const t = useTestDatabase();

async function setup() {
	const org = await buildOrganizer(t.db);
	const mine = await buildUnit(t.db, { organizerId: org.id });
	const elsewhere = await buildUnit(t.db, { organizerId: org.id });
	const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org.id, unitId: mine.id }]);
	const file = async (unitId: string, set: Partial<typeof tickets.$inferInsert> = {}) => {
		const { ticket } = await buildTicket(t.db, { organizerId: org.id, unitId });
		if (Object.keys(set).length) await t.db.update(tickets).set(set).where(eq(tickets.id, ticket.id));
		return ticket;
	};
	return { org, key, mine, elsewhere, file };
}

const snapshot = async (ids: string[]) => t.db.select().from(tickets).where(inArray(tickets.id, ids)).orderBy(tickets.number);

describe('bulk steps from the queue', () => {
	it('assigns the ticked cases the actor may work and reports the rest', async () => {
		const s = await setup();
		const open = await s.file(s.mine.id);
		const atLine2 = await s.file(s.mine.id, { line: 2 });
		const hidden = await s.file(s.elsewhere.id);
		const solved = await s.file(s.mine.id, { state: 'solved' });
		const res = await assignTicketsToMe(t.db, {
			actor: s.key,
			organizerId: s.org.id,
			input: { numbers: [open.number, atLine2.number, hidden.number, solved.number, 9999] }
		});
		expect(res).toEqual({
			done: [open.number],
			skipped: [
				{ number: atLine2.number, reason: 'not_allowed' },
				{ number: hidden.number, reason: 'not_found' },
				{ number: solved.number, reason: 'wrong_state' },
				{ number: 9999, reason: 'not_found' }
			]
		});
		const rows = await snapshot([open.id, atLine2.id, hidden.id, solved.id]);
		expect(rows.map((r) => r.assigneeId)).toEqual([s.key.personId, null, null, null]);
		const events = await t.db
			.select()
			.from(ticketEvents)
			.where(and(eq(ticketEvents.ticketId, open.id), eq(ticketEvents.kind, 'assign')));
		expect(events).toMatchObject([{ by: 'handler', public: false, actorId: s.key.personId }]);
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'ticket.assign'));
		expect(audit.filter((a) => a.organizerId === s.org.id)).toMatchObject([
			{ entityId: open.id, changes: { assigneeId: [null, s.key.personId], via: 'queue' } }
		]);
		// A second time the case is already the actor's: nothing new is written.
		const again = await assignTicketsToMe(t.db, { actor: s.key, organizerId: s.org.id, input: { numbers: [String(open.number)] } });
		expect(again).toEqual({ done: [], skipped: [{ number: open.number, reason: 'unchanged' }] });
	});

	it('closes only solved cases, through the timeline and the audit log', async () => {
		const s = await setup();
		const solved = await s.file(s.mine.id, { state: 'solved' });
		const open = await s.file(s.mine.id);
		const res = await closeSolvedTickets(t.db, { actor: s.key, organizerId: s.org.id, input: { numbers: [solved.number, open.number] } });
		expect(res).toEqual({ done: [solved.number], skipped: [{ number: open.number, reason: 'wrong_state' }] });
		const [a, b] = await snapshot([solved.id, open.id]);
		expect(a).toMatchObject({ state: 'closed' });
		expect(a.closedAt).not.toBeNull();
		expect(b).toMatchObject({ state: 'new', closedAt: null });
		const events = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, solved.id));
		expect(events.at(-1)).toMatchObject({ kind: 'close', stateTo: 'closed', public: true });
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, solved.id), eq(auditEvents.action, 'ticket.close')));
		expect(audit).toHaveLength(1);
	});

	it('refuses an empty or malformed selection and changes nothing', async () => {
		const s = await setup();
		const open = await s.file(s.mine.id);
		const before = await snapshot([open.id]);
		for (const numbers of [[], ['abc'], [-1], 'x', Array.from({ length: 101 }, (_, i) => i + 1)]) {
			const err = await assignTicketsToMe(t.db, { actor: s.key, organizerId: s.org.id, input: { numbers } }).catch((e) => e);
			expect(err.code, JSON.stringify(numbers).slice(0, 30)).toBe('INVALID');
			expect(err.issues[0].field).toBe('numbers');
		}
		expect(await snapshot([open.id])).toEqual(before);
	});

	it('is refused outright to someone without a queue', async () => {
		const s = await setup();
		const open = await s.file(s.mine.id);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: s.org.id, unitId: s.mine.id }]);
		const err = await closeSolvedTickets(t.db, { actor: staff, organizerId: s.org.id, input: { numbers: [open.number] } }).catch((e) => e);
		expect(err.code).toBe('FORBIDDEN');
	});
});
