// Covers: assignTicketsTo, setTicketsState, setTicketsCategory, escalateTickets, mergeTicketsInto, setTicketCategory, findBulkOptions.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { auditActionsOf, buildHandlingScene, caseSnapshot } from '../../../../../tests/support-handling';
import { buildActor, buildTicket, buildUnit } from '../../../../../tests/factories';
import { swedishSortKey } from '../../../sort-key';
import { supportCategories, tickets } from '../../db/schema';
import { assignTicketsTo, escalateTickets, mergeTicketsInto, setTicketsCategory, setTicketsState } from './bulk-steps';
import { findBulkOptions } from './bulk-options';
import { findQueue } from './find-queue';

const t = useTestDatabase();

/** The handling scene with three more cases: two at its unit, one at a unit the key person does not cover. */
async function scene() {
	const s = await buildHandlingScene(t.db);
	const file = async (unitId = s.unit.id) => (await buildTicket(t.db, { organizerId: s.org.id, unitId })).ticket;
	const elsewhere = await buildUnit(t.db, { organizerId: s.org.id });
	const [a, b, hidden] = [await file(), await file(), await file(elsewhere.id)];
	const opts = { actor: s.keyPerson, organizerId: s.org.id };
	return { ...s, a, b, hidden, opts };
}

const row = async (id: string) => (await t.db.select().from(tickets).where(eq(tickets.id, id)))[0];

describe('bulk steps from the queue, each case through its single-case step', () => {
	it('assigns to a person each case that person may work, and reports the others with the reason', async () => {
		const s = await scene();
		const res = await assignTicketsTo(t.db, {
			...s.opts,
			input: { numbers: [s.ticket.number, s.a.number, s.hidden.number], assigneeId: s.central.personId }
		});
		expect(res).toEqual({ done: [s.ticket.number, s.a.number], skipped: [{ number: s.hidden.number, message: 'queues_skip_not_found' }] });
		expect((await row(s.a.id)).assigneeId).toBe(s.central.personId);
		expect(await auditActionsOf(t.db, s.a.id)).toContain('ticket.assign');
		// A line-3 supplier may not work a line-1 case: that case is left and says why.
		const refused = await assignTicketsTo(t.db, { ...s.opts, input: { numbers: [s.b.number], assigneeId: s.line3.actor.personId } });
		expect(refused).toEqual({ done: [], skipped: [{ number: s.b.number, message: 'handling_error_assignee_not_handler' }] });
		expect((await row(s.b.id)).assigneeId).toBeNull();
	});

	it('refuses a missing choice beside its field before touching any case', async () => {
		const s = await scene();
		const before = await caseSnapshot(t.db, s.a.id);
		for (const run of [
			() => assignTicketsTo(t.db, { ...s.opts, input: { numbers: [s.a.number], assigneeId: '' } }),
			() => setTicketsState(t.db, { ...s.opts, input: { numbers: [s.a.number], state: 'solved' } }),
			() =>
				escalateTickets(t.db, {
					...s.opts,
					input: { numbers: [s.a.number], teamId: s.line2.team.id, reason: ' ', lines: { [s.a.number]: 1 } }
				}),
			() => mergeTicketsInto(t.db, { ...s.opts, input: { numbers: [s.a.number], targetNumber: s.a.number } }),
			() => setTicketsState(t.db, { ...s.opts, input: { numbers: [], state: 'in_progress' } })
		]) {
			const err = await run().catch((e) => e);
			expect(err.code).toBe('INVALID');
		}
		expect(await caseSnapshot(t.db, s.a.id)).toEqual(before);
	});

	it('changes the state, and leaves a case whose state may not move that way', async () => {
		const s = await scene();
		await t.db.update(tickets).set({ state: 'closed' }).where(eq(tickets.id, s.b.id));
		const res = await setTicketsState(t.db, { ...s.opts, input: { numbers: [s.a.number, s.b.number], state: 'waiting_supplier' } });
		expect(res.done).toEqual([s.a.number]);
		expect(res.skipped).toEqual([{ number: s.b.number, message: expect.stringMatching(/^handling_error_/) }]);
		expect((await row(s.a.id)).state).toBe('waiting_supplier');
		expect(await auditActionsOf(t.db, s.a.id)).toContain('ticket.set_state');
	});

	it('changes the category within the chain, and refuses a category of the other chain', async () => {
		const s = await scene();
		const category = async (chain: 'technical' | 'pedagogical', name: string) =>
			(
				await t.db
					.insert(supportCategories)
					.values({ organizerId: s.org.id, chain, name, nameSort: swedishSortKey(name) })
					.returning()
			)[0];
		const printers = await category('technical', 'Skrivare');
		const teaching = await category('pedagogical', 'Lärplattform');
		const res = await setTicketsCategory(t.db, { ...s.opts, input: { numbers: [s.a.number, s.b.number], categoryId: printers.id } });
		expect(res).toEqual({ done: [s.a.number, s.b.number], skipped: [] });
		expect((await row(s.a.id)).categoryId).toBe(printers.id);
		expect(await auditActionsOf(t.db, s.a.id)).toContain('ticket.set_category');
		const again = await setTicketsCategory(t.db, { ...s.opts, input: { numbers: [s.a.number], categoryId: printers.id } });
		expect(again.skipped).toEqual([{ number: s.a.number, message: 'bulkactions_error_category_unchanged' }]);
		const other = await setTicketsCategory(t.db, { ...s.opts, input: { numbers: [s.b.number], categoryId: teaching.id } });
		expect(other.skipped).toEqual([{ number: s.b.number, message: 'bulkactions_error_category_other_chain' }]);
		expect((await row(s.b.id)).categoryId).toBe(printers.id);
	});

	it('escalates to the next line with the reason, but not a case that moved since the page was shown', async () => {
		const s = await scene();
		const reason = 'Behöver ny bild på alla datorer i salen.';
		const res = await escalateTickets(t.db, {
			...s.opts,
			input: { numbers: [s.a.number, s.b.number], teamId: s.line2.team.id, reason, lines: { [s.a.number]: '1', [s.b.number]: '2' } }
		});
		expect(res).toEqual({ done: [s.a.number], skipped: [{ number: s.b.number, message: 'handling_error_line_changed' }] });
		expect(await row(s.a.id)).toMatchObject({ line: 2, teamId: s.line2.team.id, assigneeId: null });
		expect((await row(s.b.id)).line).toBe(1);
		expect(await auditActionsOf(t.db, s.a.id)).toContain('ticket.escalate');
	});

	it('merges the ticked cases into the chosen one, which stays open', async () => {
		const s = await scene();
		const res = await mergeTicketsInto(t.db, {
			...s.opts,
			input: { numbers: [s.ticket.number, s.a.number, s.b.number, s.hidden.number], targetNumber: String(s.ticket.number) }
		});
		expect(res).toEqual({ done: [s.a.number, s.b.number], skipped: [{ number: s.hidden.number, message: 'queues_skip_not_found' }] });
		expect(await row(s.a.id)).toMatchObject({ state: 'closed', mergedIntoId: s.ticket.id });
		expect(await row(s.ticket.id)).toMatchObject({ state: 'new', mergedIntoId: null });
		const missing = await mergeTicketsInto(t.db, { ...s.opts, input: { numbers: [s.b.number], targetNumber: 99999 } }).catch((e) => e);
		expect(missing.issues).toEqual([{ field: 'targetNumber', message: 'handling_error_merge_target_missing' }]);
	});

	it('is refused as a whole to someone without a queue', async () => {
		const s = await scene();
		const err = await setTicketsState(t.db, {
			actor: s.requester,
			organizerId: s.org.id,
			input: { numbers: [s.a.number], state: 'in_progress' }
		}).catch((e) => e);
		expect(err.code).toBe('FORBIDDEN');
		expect((await row(s.a.id)).state).toBe('new');
	});

	it('offers the organizer’s handlers, its teams and categories as choices', async () => {
		const s = await scene();
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: s.org.id }]);
		const [printers] = await t.db
			.insert(supportCategories)
			.values({ organizerId: s.org.id, chain: 'technical', name: 'Skrivare', nameSort: swedishSortKey('Skrivare') })
			.returning();
		const o = await findBulkOptions(t.db, { actor: admin, organizerId: s.org.id });
		const ids = o.people.map((p) => p.id);
		expect(ids).toEqual(expect.arrayContaining([s.keyPerson.personId, s.central.personId, s.line2.actor.personId, s.line3.actor.personId]));
		expect(ids).not.toContain(s.requester.personId);
		expect(o.teams.map((x) => x.id).sort()).toEqual([s.line2.team.id, s.line3.team.id].sort());
		expect(o.categories).toEqual([{ id: printers.id, name: 'Skrivare', chain: 'technical' }]);
		// The queue page reads the same choices inside its own statement.
		const q = await findQueue(t.db, { actor: admin, organizerId: s.org.id, view: 'all', withFilterOptions: true, withBulkOptions: true });
		expect(q.tickets.length).toBeGreaterThan(0);
		expect(q.bulkOptions).toEqual(o);
		const noBulk = await findQueue(t.db, { actor: admin, organizerId: s.org.id, view: 'all', withFilterOptions: true });
		expect(noBulk.bulkOptions).toBeNull();
		// A page without cases gets no choices (the statement skips them).
		const empty = await findQueue(t.db, {
			actor: admin,
			organizerId: s.org.id,
			view: 'mine',
			withFilterOptions: true,
			withBulkOptions: true
		});
		expect(empty.tickets).toEqual([]);
		expect(empty.bulkOptions).toBeNull();
		expect(empty.options?.categories).toEqual(o.categories);
		// With a search typed the choices come from a statement of their own, and only when something is found.
		const found = await findQueue(t.db, {
			actor: admin,
			organizerId: s.org.id,
			view: 'all',
			filters: { q: String(s.a.number) },
			withFilterOptions: true,
			withBulkOptions: true
		});
		expect(found.tickets.map((x) => x.id)).toContain(s.a.id);
		expect(found.bulkOptions).toEqual(o);
	});
});
