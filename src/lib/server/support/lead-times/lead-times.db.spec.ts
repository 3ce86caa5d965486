// Covers: recordTicketLeadTime (through appendTicketEvent), storeLeadTimes, backfillLeadTimes, leadTimes' lazy fill, tickets.max_line,
// the filing time on the stored row and the period read through it (decision 072).
import { describe, expect, it } from 'vitest';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket } from '../../../../../tests/factories';
import { ticketEvents, ticketLeadTimes, tickets } from '../../db/schema';
import type { Db } from '../../db';
import { appendTicketEvent, type NewTicketEvent } from '../tickets/append-event';
import { reopenTicket } from '../tickets/reopen-ticket';
import { workingCalendarFor } from '../sla-refresh/working-calendar-for';
import { getSupportFigures } from '../followup/get-support-figures';
import { followupWhere, type FollowupFilter } from '../followup/followup-filter';
import { rowsOf } from '../../db/rows';
import type { SlaEvent, SlaLine, SlaState } from '../sla';
import { leadTimeOf } from './lead-time-of';
import { backfillLeadTimes } from './backfill-lead-times';

const t = useTestDatabase();
const year = { from: '2020-07-01', to: '2100-07-01' };

const stored = async (ticketId: string) => (await t.db.select().from(ticketLeadTimes).where(eq(ticketLeadTimes.ticketId, ticketId)))[0];
const caseRow = async (id: string) => (await t.db.select().from(tickets).where(eq(tickets.id, id)))[0];

/** The lead time computed afresh from the case's timeline as it stands. */
async function fromTimeline(db: Db, ticketId: string, organizerId: string) {
	const rows = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.id));
	const events: SlaEvent[] = rows.map((r) => ({
		at: r.createdAt,
		by: r.by as SlaEvent['by'],
		public: r.public,
		...(r.stateTo ? { stateTo: r.stateTo as SlaState } : {}),
		...(r.lineTo ? { lineTo: r.lineTo as SlaLine } : {})
	}));
	const lt = leadTimeOf(await workingCalendarFor(db, organizerId), events);
	return { line1Minutes: lt.line1, line2Minutes: lt.line2, line3Minutes: lt.line3, totalMinutes: lt.total };
}

async function step(id: string, handlerId: string, e: Omit<NewTicketEvent, 'actorId' | 'by' | 'public'>) {
	return t.db.transaction(async (tx) => {
		const [row] = await tx.select().from(tickets).where(eq(tickets.id, id));
		return (await appendTicketEvent(tx, row, { actorId: handlerId, by: 'handler', public: true, ...e })).ticket;
	});
}

/** Rewrites a case's timeline to fixed moments (Stockholm winter time = UTC+1) without the hook, as old data looks. */
async function oldTimeline(ticketId: string, steps: { at: string; lineTo?: 1 | 2 | 3; stateTo?: string; by?: string }[]) {
	await t.db.delete(ticketEvents).where(eq(ticketEvents.ticketId, ticketId));
	await t.db.delete(ticketLeadTimes).where(eq(ticketLeadTimes.ticketId, ticketId));
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
	await t.db
		.update(tickets)
		.set({ createdAt: new Date(steps[0].at), solvedAt: new Date(steps[steps.length - 1].at), state: 'solved' })
		.where(eq(tickets.id, ticketId));
}

// Generous: the first case of a file pays for a cold database on a busy machine.
describe('stored lead times (decision 064)', { timeout: 120_000 }, () => {
	it('are written when a case is solved, removed when it is reopened, and written again over both periods', async () => {
		const { ticket, organizerId, unitId, requester } = await buildTicket(t.db);
		const handler = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId }]);
		await step(ticket.id, handler.personId, { kind: 'state', stateTo: 'in_progress' });
		expect(await stored(ticket.id)).toBeUndefined();

		await step(ticket.id, handler.personId, { kind: 'solve', stateTo: 'solved' });
		const first = await stored(ticket.id);
		expect(first).toMatchObject(await fromTimeline(t.db, ticket.id, organizerId));
		expect(first.line1Minutes).not.toBeNull();
		expect(first.line2Minutes).toBeNull();

		// A note after the solve changes nothing.
		await step(ticket.id, handler.personId, { kind: 'note', body: 'Klart.' });
		expect((await stored(ticket.id)).computedAt).toEqual(first.computedAt);

		await reopenTicket(t.db, { actor: requester, organizerId, number: ticket.number, input: { reason: 'Igen.' } });
		expect(await stored(ticket.id)).toBeUndefined();

		await step(ticket.id, handler.personId, { kind: 'solve', stateTo: 'solved' });
		expect(await stored(ticket.id)).toMatchObject(await fromTimeline(t.db, ticket.id, organizerId));
	});

	it('follow a case across the lines, and the case keeps the highest line it reached when sent back', async () => {
		const { ticket, organizerId, unitId } = await buildTicket(t.db);
		const handler = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId }]);
		await step(ticket.id, handler.personId, { kind: 'escalate', lineTo: 2, stateTo: 'in_progress' });
		await step(ticket.id, handler.personId, { kind: 'escalate', lineTo: 3 });
		expect((await caseRow(ticket.id)).maxLine).toBe(3);
		await step(ticket.id, handler.personId, { kind: 'send_back', lineTo: 2 });
		expect(await caseRow(ticket.id)).toMatchObject({ line: 2, maxLine: 3 });
		await step(ticket.id, handler.personId, { kind: 'solve', stateTo: 'solved' });

		const row = await stored(ticket.id);
		expect(row).toMatchObject(await fromTimeline(t.db, ticket.id, organizerId));
		expect([row.line1Minutes, row.line2Minutes, row.line3Minutes].every((m) => m !== null)).toBe(true);
		expect(row.totalMinutes).toBeCloseTo(row.line1Minutes! + row.line2Minutes! + row.line3Minutes!, 9);

		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId }]);
		const f = await getSupportFigures(t.db, { actor: admin, filter: { organizerId, unitId: null, chain: null, ...year } });
		// Counted under the highest line it reached, though it was solved at line 2.
		expect(f.byChainLine).toEqual([{ chain: 'technical', line: 3, cases: 1 }]);
		expect(f.leadTimes.lines.map((l) => l.n)).toEqual([1, 1, 1]);
		expect(f.leadTimes.total).toEqual({ median: row.totalMinutes, p90: row.totalMinutes, n: 1 });
	});

	it('are computed on first read where missing, and the backfill job stores the same figures', async () => {
		const org = await buildOrganizer(t.db);
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
		const ids: string[] = [];
		// Mon 2025-11-17: filed 09:00, to line 2 at 11:00, waiting on the requester 13:00 – Tue 09:00, solved Tue 10:00.
		const a = await buildTicket(t.db, { organizerId: org.id });
		await oldTimeline(a.ticket.id, [
			{ at: '2025-11-17T08:00:00Z', lineTo: 1, stateTo: 'new', by: 'requester' },
			{ at: '2025-11-17T10:00:00Z', lineTo: 2 },
			{ at: '2025-11-17T12:00:00Z', stateTo: 'waiting_requester' },
			{ at: '2025-11-18T08:00:00Z', stateTo: 'in_progress', by: 'requester' },
			{ at: '2025-11-18T09:00:00Z', stateTo: 'solved' }
		]);
		// Solved Mon 10:00, reopened Wed 09:00, solved again Wed 12:00: both working periods count (1 h + 3 h).
		const b = await buildTicket(t.db, { organizerId: org.id, unitId: a.unitId });
		await oldTimeline(b.ticket.id, [
			{ at: '2025-11-17T08:00:00Z', lineTo: 1, stateTo: 'new', by: 'requester' },
			{ at: '2025-11-17T09:00:00Z', stateTo: 'solved' },
			{ at: '2025-11-19T08:00:00Z', stateTo: 'in_progress', by: 'requester' },
			{ at: '2025-11-19T11:00:00Z', stateTo: 'solved' }
		]);
		ids.push(a.ticket.id, b.ticket.id);
		expect(await t.db.select().from(ticketLeadTimes).where(inArray(ticketLeadTimes.ticketId, ids))).toEqual([]);

		const filter = { organizerId: org.id, unitId: null, chain: null, ...year };
		const lazy = await getSupportFigures(t.db, { actor: admin, filter });
		expect(lazy.leadTimes.lines).toEqual([
			{ line: 1, median: 120, p90: 240, n: 2 },
			{ line: 2, median: 180, p90: 180, n: 1 },
			{ line: 3, median: null, p90: null, n: 0 }
		]);
		expect(lazy.leadTimes.total).toEqual({ median: 240, p90: 300, n: 2 });
		const pick = (rows: (typeof ticketLeadTimes.$inferSelect)[]) =>
			rows
				.map((r) => [r.ticketId, r.line1Minutes, r.line2Minutes, r.line3Minutes, r.totalMinutes])
				.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
		const afterRead = pick(await t.db.select().from(ticketLeadTimes).where(inArray(ticketLeadTimes.ticketId, ids)));
		expect(afterRead).toHaveLength(2);

		await t.db.delete(ticketLeadTimes).where(inArray(ticketLeadTimes.ticketId, ids));
		expect(await backfillLeadTimes(t.db, { organizerId: org.id })).toBe(2);
		expect(pick(await t.db.select().from(ticketLeadTimes).where(inArray(ticketLeadTimes.ticketId, ids)))).toEqual(afterRead);
		expect(await backfillLeadTimes(t.db, { organizerId: org.id })).toBe(0);
		expect((await getSupportFigures(t.db, { actor: admin, filter })).leadTimes).toEqual(lazy.leadTimes);
	});
	it('carry the case’s filing time, and the period read through it gives the figures of the join on the case alone', async () => {
		const org = await buildOrganizer(t.db);
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
		// Five solved cases filed over two school years, at different lines, solved through the hook.
		const filed = ['2024-09-02T08:00:00Z', '2024-12-09T09:00:00Z', '2025-03-03T07:30:00Z', '2025-06-30T21:30:00Z', '2025-09-01T08:00:00Z'];
		const ids: string[] = [];
		for (const [i, at] of filed.entries()) {
			const { ticket, unitId } = await buildTicket(t.db, { organizerId: org.id });
			const handler = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org.id, unitId }]);
			if (i % 2) await step(ticket.id, handler.personId, { kind: 'escalate', lineTo: 2, stateTo: 'in_progress' });
			await step(ticket.id, handler.personId, { kind: 'solve', stateTo: 'solved' });
			// Move the whole timeline back to the filing moment, as old data looks (the row stored is now stale).
			const shift = sql`${new Date(at).toISOString()}::timestamptz - ${(await caseRow(ticket.id)).createdAt.toISOString()}::timestamptz`;
			await t.db.execute(sql`UPDATE ticket_events SET created_at = created_at + (${shift}) WHERE ticket_id = ${ticket.id}`);
			await t.db.execute(
				sql`UPDATE tickets SET created_at = created_at + (${shift}), solved_at = solved_at + (${shift}) WHERE id = ${ticket.id}`
			);
			ids.push(ticket.id);
		}
		/** The figures as read before decision 072: every stored row joined to the period's cases on the case id. */
		const byJoin = async (f: FollowupFilter) =>
			rowsOf<Record<string, unknown>>(
				await t.db.execute(sql`SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY l.total_minutes) AS median,
					percentile_disc(0.9) WITHIN GROUP (ORDER BY l.total_minutes) AS p90, count(l.total_minutes)::int AS n,
					count(l.line2_minutes)::int AS n2
				FROM tickets t JOIN ticket_lead_times l ON l.ticket_id = t.id WHERE ${followupWhere(f)} AND t.solved_at IS NOT NULL`)
			)[0];
		const years = [
			{ from: '2024-07-01', to: '2025-07-01' },
			{ from: '2025-07-01', to: '2026-07-01' }
		];
		for (const y of years) {
			const filter = { organizerId: org.id, unitId: null, chain: null, ...y };
			// The stale rows (filed at the time of the test) count as missing for the period and are computed again.
			const f = await getSupportFigures(t.db, { actor: admin, filter });
			const old = await byJoin(filter);
			expect(f.leadTimes.total).toEqual({
				median: old.median === null ? null : Number(old.median),
				p90: old.p90 === null ? null : Number(old.p90),
				n: old.n
			});
			expect(f.leadTimes.lines[1].n).toBe(old.n2);
		}
		// 2025-06-30T21:30Z is 23:30 on 30 June in Stockholm: the first school year's, as the cases' own filter says.
		const first = await getSupportFigures(t.db, { actor: admin, filter: { organizerId: org.id, unitId: null, chain: null, ...years[0] } });
		expect(first.leadTimes.total.n).toBe(4);
		for (const id of ids) {
			const row = await stored(id);
			expect(row.filedAt).toEqual((await caseRow(id)).createdAt);
			expect(row).toMatchObject(await fromTimeline(t.db, id, org.id));
		}
		// The filing time is stored to the microsecond, so a row once matched is never computed again on a read.
		const exact = rowsOf<{ n: number }>(
			await t.db.execute(sql`SELECT count(*)::int AS n FROM ticket_lead_times l JOIN tickets t ON t.id = l.ticket_id
				WHERE l.ticket_id IN (SELECT unnest(${`{${ids.join(',')}}`}::uuid[])) AND l.filed_at = t.created_at`)
		)[0].n;
		expect(exact).toBe(ids.length);
		const computed = await Promise.all(ids.map(async (id) => (await stored(id)).computedAt));
		await getSupportFigures(t.db, { actor: admin, filter: { organizerId: org.id, unitId: null, chain: null, ...years[0] } });
		expect(await Promise.all(ids.map(async (id) => (await stored(id)).computedAt))).toEqual(computed);
	});
});
