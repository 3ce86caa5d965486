// Covers: countFigures, monthlyFigures, countRows — the counts kept per unit and month (support_month_counts, decision
// 075) by the triggers of migration 0065, against a fresh count over the cases after every kind of write that changes
// what the follow-up counts, and the readers over a period that cuts a month (days read from the cases).
import { describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildTicket, buildUnit } from '../../../../../tests/factories';
import { buildHandlingScene } from '../../../../../tests/support-handling';
import { swedishSortKey } from '$lib/sort-key';
import { rowsOf } from '../../db/rows';
import { supportCategories, ticketEvents, tickets, ticketSlaBreaches } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { setTicketState } from '../handling/set-ticket-state';
import { escalateTicket } from '../handling/escalate-ticket';
import { solveTicket } from '../handling/solve-ticket';
import { closeTicket } from '../handling/close-ticket';
import { setTicketCategory } from '../handling/set-ticket-category';
import { moveToChain } from '../handling/move-to-chain';
import { mergeTicket } from '../handling/merge-ticket';
import { rateTicket } from '../tickets/rate-ticket';
import { reopenTicket } from '../tickets/reopen-ticket';
import { countFigures } from './count-figures';
import { monthlyFigures } from './monthly-figures';

const t = useTestDatabase();

type Row = Record<string, unknown>;
const COLUMNS = [
	'cases',
	'minutes',
	'students',
	'frm',
	'frb',
	'fbm',
	'fbb',
	'resm',
	'resb',
	'o1m',
	'o1b',
	'o2m',
	'o2b',
	'o3m',
	'o3b'
] as const;
const byKey = (rows: Row[]) =>
	Object.fromEntries(
		rows
			.map((r): [string, number[]] => [`${r.unit_id} ${r.month} ${r.chain} ${r.kind} ${r.key}`, COLUMNS.map((c) => Number(r[c]))])
			.filter(([, v]) => v.some((n) => n !== 0))
			.sort(([a], [b]) => a.localeCompare(b))
	);

/** The kept rows of the organizer (rows at zero, whose cases moved away, left out). */
async function stored(org: string) {
	return byKey(
		rowsOf<Row>(
			await t.db.execute(sql`SELECT unit_id, to_char(month, 'YYYY-MM-DD') AS month, chain, kind, key, cases, minutes, students,
				first_response_measured AS frm, first_response_breached AS frb, feedback_measured AS fbm, feedback_breached AS fbb,
				resolution_measured AS resm, resolution_breached AS resb, ola1_measured AS o1m, ola1_breached AS o1b,
				ola2_measured AS o2m, ola2_breached AS o2b, ola3_measured AS o3m, ola3_breached AS o3b
			FROM support_month_counts WHERE organizer_id = ${org}`)
		)
	);
}

/**
 * The same rows counted afresh over the cases, written out here as the follow-up counted before decision 075 (and not
 * through the migration's support_count_rows, so a wrong function fails this spec).
 */
async function fresh(org: string) {
	const sla = (target: string, kind: string, as: string) => sql`
		count(*) FILTER (WHERE k.kind = 'line' AND c.sla_targets ? ${target} AND (c.state IN ('solved', 'closed') OR EXISTS (
			SELECT 1 FROM ticket_sla_breaches b WHERE b.ticket_id = c.id AND b.kind = ${kind} AND b.line = 0))) AS ${sql.raw(`${as}m`)},
		count(*) FILTER (WHERE k.kind = 'line' AND c.sla_targets ? ${target} AND EXISTS (
			SELECT 1 FROM ticket_sla_breaches b WHERE b.ticket_id = c.id AND b.kind = ${kind} AND b.line = 0)) AS ${sql.raw(`${as}b`)}`;
	// OLA of line n: the case has the line's per-line target and has been on the line (its highest line is at least n).
	const ola = (n: number) => {
		const has = sql.raw(
			`k.kind = 'line' AND coalesce((c.sla_targets -> 'perLine') ? '${n}', false) AND greatest(c.line, c.max_line) >= ${n}`
		);
		const breached = sql.raw(`EXISTS (SELECT 1 FROM ticket_sla_breaches b WHERE b.ticket_id = c.id AND b.kind = 'line' AND b.line = ${n})`);
		return sql`count(*) FILTER (WHERE ${has} AND (c.state IN ('solved', 'closed') OR ${breached})) AS ${sql.raw(`o${n}m`)},
			count(*) FILTER (WHERE ${has} AND ${breached}) AS ${sql.raw(`o${n}b`)}`;
	};
	return byKey(
		rowsOf<Row>(
			await t.db
				.execute(sql`SELECT c.unit_id, to_char(date_trunc('month', c.created_at AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM-DD') AS month,
				c.chain, k.kind,
				CASE k.kind WHEN 'line' THEN greatest(c.line, c.max_line)::text WHEN 'category' THEN coalesce(c.category_id::text, '')
					WHEN 'cause' THEN coalesce(c.cause, '') ELSE coalesce(c.rating::text, '') END AS key,
				count(*) AS cases,
				coalesce(sum(c.minutes_lost) FILTER (WHERE k.kind IN ('line', 'category')), 0) AS minutes,
				coalesce(sum(c.students_affected) FILTER (WHERE k.kind IN ('line', 'category')), 0) AS students,
				${sla('firstResponse', 'first_response', 'fr')}, ${sla('feedback', 'feedback', 'fb')}, ${sla('resolution', 'resolution', 'res')},
				${ola(1)}, ${ola(2)}, ${ola(3)}
			FROM tickets c CROSS JOIN (VALUES ('line'), ('category'), ('cause'), ('rating')) AS k(kind)
			WHERE c.organizer_id = ${org} AND c.merged_into_id IS NULL
			GROUP BY 1, 2, 3, 4, 5`)
		)
	);
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('support counts kept per unit and month', () => {
	it('equal a fresh count over the cases after every kind of write, and the readers sum them', async () => {
		const s = await buildHandlingScene(t.db);
		const org = s.organizerId;
		const other = await buildUnit(t.db, { organizerId: org, name: 'Andra skolan' });
		const [cat] = await t.db
			.insert(supportCategories)
			.values({ organizerId: org, chain: 'technical', name: 'Skrivare', nameSort: swedishSortKey('Skrivare') })
			.returning();
		const same = async (what: string) => expect(await stored(org), what).toEqual(await fresh(org));
		await same('the filed case');
		expect(Object.keys(await stored(org))).toHaveLength(4);

		// Filing, with a category, lost time and students.
		const second = (
			await buildTicket(t.db, {
				organizerId: org,
				unitId: s.unit.id,
				requester: s.requester,
				input: { categoryId: cat.id, lostAmount: 2, studentsAffected: 25 }
			})
		).ticket;
		const third = (await buildTicket(t.db, { organizerId: org, unitId: other.id, input: { lostAmount: '30', lostUnit: 'minute' } })).ticket;
		await same('filed cases');

		const opts = { actor: s.keyPerson, organizerId: org, number: s.number };
		await setTicketState(t.db, { ...opts, input: { state: 'in_progress' } });
		await same('a state change');
		await escalateTicket(t.db, { ...opts, input: { fromLine: 1, teamId: s.line2.team.id, reason: 'Behöver nätverksgruppen.' } });
		await same('an escalation');
		await solveTicket(t.db, { ...opts, actor: s.line2.actor, input: { solution: 'Startade om växeln.', cause: 'user_error' } });
		await same('solved with a cause');
		await rateTicket(t.db, { actor: s.requester, organizerId: org, number: s.number, input: { rating: 4 } });
		await same('rated');
		await reopenTicket(t.db, { actor: s.requester, organizerId: org, number: s.number, input: { reason: 'Det hände igen.' } });
		await same('reopened');
		await closeTicket(t.db, { ...opts, actor: s.central, input: { reason: 'Dubblett av ett annat ärende.' } });
		await same('closed');

		const two = { actor: s.keyPerson, organizerId: org, number: second.number };
		await setTicketCategory(t.db, { ...two, input: { categoryId: '' } });
		await same('category removed');
		await moveToChain(t.db, { ...two, actor: s.central, input: { toChain: 'pedagogical', reason: 'Gäller undervisningen.' } });
		await same('moved to the other chain');

		// Lost time, the unit and the filing time changed directly (as corrections and bulk loads do).
		await t.db.update(tickets).set({ minutesLost: 135, studentsAffected: 12 }).where(eq(tickets.id, third.id));
		await same('lost time changed');
		await t.db.update(tickets).set({ unitId: s.unit.id }).where(eq(tickets.id, third.id));
		await same('moved to another unit');
		await t.db
			.update(tickets)
			.set({ createdAt: new Date('2024-01-31T23:30:00Z') })
			.where(eq(tickets.id, third.id));
		await same('filed in another month (Stockholm: 1 February)');

		// Breaches of the whole-case targets and of the per-line ones (OLA), recorded and removed.
		const targets = {
			firstResponse: { minutes: 60 },
			feedback: { minutes: 240 },
			resolution: { minutes: 960 },
			perLine: { 1: 60, 2: 120, 3: 480 }
		};
		await t.db
			.update(tickets)
			.set({ slaTargets: targets })
			.where(inArray(tickets.id, [s.ticket.id, second.id, third.id]));
		await same('targets set');
		const breach = (ticketId: string, kind: string, line = 0) => ({ ticketId, organizerId: org, kind, line, breachedAt: new Date() });
		await t.db
			.insert(ticketSlaBreaches)
			.values([
				breach(s.ticket.id, 'resolution'),
				breach(second.id, 'first_response'),
				breach(second.id, 'feedback'),
				breach(second.id, 'line', 1)
			]);
		await same('breaches recorded');
		expect(Object.values(await stored(org)).reduce((n, v) => n + v[COLUMNS.indexOf('resb')], 0)).toBe(1);
		await t.db
			.update(ticketSlaBreaches)
			.set({ kind: 'resolution' })
			.where(sql`${ticketSlaBreaches.ticketId} = ${second.id} AND ${ticketSlaBreaches.kind} = 'feedback'`);
		await same('a breach changed kind');
		await t.db
			.delete(ticketSlaBreaches)
			.where(sql`${ticketSlaBreaches.ticketId} = ${second.id} AND ${ticketSlaBreaches.kind} = 'first_response'`);
		await same('a breach removed');
		// Line breaches: on the line the case reached (the first case was escalated to line 2) and on one it never
		// reached (the second case stayed on line 1: not counted until it gets there).
		await t.db.insert(ticketSlaBreaches).values([breach(s.ticket.id, 'line', 2), breach(second.id, 'line', 3)]);
		await same('line breaches recorded');
		expect(Object.values(await stored(org)).reduce((n, v) => n + v[COLUMNS.indexOf('o2b')], 0)).toBe(1);
		await t.db.update(tickets).set({ maxLine: 3 }).where(eq(tickets.id, second.id));
		await same('the second case reached line 3 (its breach there now counts)');
		expect(Object.values(await stored(org)).reduce((n, v) => n + v[COLUMNS.indexOf('o3b')], 0)).toBe(1);
		await t.db.delete(ticketSlaBreaches).where(sql`${ticketSlaBreaches.ticketId} = ${s.ticket.id} AND ${ticketSlaBreaches.kind} = 'line'`);
		await same('a line breach removed');
		// A state change alone, on a case with targets and no breach: open it is not measured, solved it is.
		await t.db.update(tickets).set({ state: 'in_progress' }).where(eq(tickets.id, third.id));
		await same('reopened alone (targets, no breach)');
		await t.db.update(tickets).set({ state: 'solved' }).where(eq(tickets.id, third.id));
		await same('solved alone (targets, no breach)');

		// Merging: the merged case counts nowhere.
		const fourth = (await buildTicket(t.db, { organizerId: org, unitId: s.unit.id, requester: s.requester })).ticket;
		await mergeTicket(t.db, { actor: s.keyPerson, organizerId: org, number: fourth.number, input: { targetNumber: second.number } });
		await same('merged');
		expect((await t.db.select().from(tickets).where(eq(tickets.id, fourth.id)))[0].mergedIntoId).toBe(second.id);

		// A bulk insert and a bulk change in one statement each, then deletion (breaches and timeline first).
		const requester = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: other.id }]);
		const many = await t.db
			.insert(tickets)
			.values(
				[1, 2, 3, 4, 5, 6].map((i) => ({
					organizerId: org,
					number: 1000 + i,
					chain: i % 2 ? 'technical' : 'pedagogical',
					unitId: i < 4 ? other.id : s.unit.id,
					requesterId: requester.personId,
					filedById: requester.personId,
					title: `Ärende ${i}`,
					description: 'Massinläst.',
					urgency: 'normal',
					state: i < 3 ? 'closed' : 'new',
					line: (1 + (i % 3)) as 1 | 2 | 3,
					maxLine: (1 + (i % 3)) as 1 | 2 | 3,
					categoryId: i % 2 ? cat.id : null,
					cause: i < 3 ? 'hardware' : null,
					rating: i < 3 ? i : null,
					minutesLost: 60 * i,
					studentsAffected: i,
					slaTargets: targets,
					createdAt: new Date(Date.UTC(2025, i, 15))
				}))
			)
			.returning({ id: tickets.id });
		await same('a bulk insert');
		await t.db
			.update(tickets)
			.set({ state: 'solved', cause: 'software', maxLine: 3 })
			.where(
				inArray(
					tickets.id,
					many.map((m) => m.id)
				)
			);
		await same('a bulk change');
		await t.db.insert(ticketSlaBreaches).values(many.map((m) => breach(m.id, 'resolution')));
		await same('bulk breaches');
		const gone = [many[0].id, many[1].id];
		await t.db.delete(ticketSlaBreaches).where(inArray(ticketSlaBreaches.ticketId, gone));
		await same('breaches of the cases to delete removed');
		await t.db.delete(ticketEvents).where(inArray(ticketEvents.ticketId, gone));
		await t.db.delete(tickets).where(inArray(tickets.id, gone));
		await same('cases deleted');

		// The readers: a period that cuts today's month (its days read from the cases) gives what the whole month gives
		// from the kept rows, for the cases filed today.
		const today = todayInStockholm();
		const month = `${today.slice(0, 7)}-01`;
		const [y, m] = month.split('-').map(Number);
		const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
		const whole = { organizerId: org, unitId: null, chain: null, from: month, to: next };
		const cut = { ...whole, to: dayAfter(today) };
		expect(await countFigures(t.db, cut)).toEqual(await countFigures(t.db, whole));
		expect(await monthlyFigures(t.db, cut)).toEqual(await monthlyFigures(t.db, whole));
		const figures = await countFigures(t.db, whole);
		expect(figures.byChainLine.reduce((n, r) => n + r.cases, 0)).toBe(2); // the first and second cases (the fourth is merged)
		expect(figures.sla.find((x) => x.kind === 'resolution')).toMatchObject({ measured: 2, breached: 2 });
	});
});
