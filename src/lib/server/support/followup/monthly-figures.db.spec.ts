// Covers: monthlyFigures (decision 074: the month grouped through a subquery, the figures unchanged).
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrganizer, buildTicket, buildUnit } from '../../../../../tests/factories';
import { tickets, ticketSlaBreaches } from '../../db/schema';
import { rowsOf } from '../../db/rows';
import { followupWhere, type FollowupFilter } from './followup-filter';
import { monthlyFigures } from './monthly-figures';

const t = useTestDatabase();

/** The query as it stood before decision 074 (grouped on the month expression itself), to compare with. */
async function monthlyFiguresBefore(f: FollowupFilter) {
	const rows = rowsOf<Record<string, unknown>>(
		await t.db.execute(sql`SELECT to_char(date_trunc('month', t.created_at AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM-DD') AS month,
			t.unit_id, count(*)::int AS cases, coalesce(sum(t.minutes_lost), 0)::int AS minutes,
			count(*) FILTER (WHERE t.cause IS NOT NULL)::int AS classified,
			count(*) FILTER (WHERE t.cause = 'user_error')::int AS user_errors,
			count(*) FILTER (WHERE t.sla_targets ? 'resolution' AND (t.state IN ('solved','closed') OR b.ticket_id IS NOT NULL))::int AS measured,
			count(b.ticket_id) FILTER (WHERE t.sla_targets ? 'resolution')::int AS breached
		FROM tickets t
		LEFT JOIN ticket_sla_breaches b ON b.ticket_id = t.id AND b.kind = 'resolution' AND b.line = 0
		WHERE ${followupWhere(f)}
		GROUP BY 1, 2 ORDER BY 1`)
	);
	return rows.map((r) => ({
		month: String(r.month),
		unitId: String(r.unit_id),
		cases: Number(r.cases),
		minutesLost: Number(r.minutes),
		classified: Number(r.classified),
		userErrors: Number(r.user_errors),
		slaMeasured: Number(r.measured),
		slaBreached: Number(r.breached)
	}));
}

const byKey = <T extends { month: string; unitId: string }>(rows: T[]) =>
	[...rows].sort((a, b) => `${a.month}|${a.unitId}`.localeCompare(`${b.month}|${b.unitId}`));

describe('monthly support figures', () => {
	it('count the same per Stockholm month and unit as the query grouped on the month expression', async () => {
		const org = await buildOrganizer(t.db);
		const [a, b] = [await buildUnit(t.db, { organizerId: org.id }), await buildUnit(t.db, { organizerId: org.id })];
		// [unit, filed (UTC), minutes lost, cause, state, resolution target, resolution breached]
		const cases = [
			[a, '2025-09-03T08:00:00Z', 40, 'user_error', 'solved', true, false],
			[a, '2025-09-30T22:30:00Z', 15, 'hardware', 'closed', true, true], // 1 October in Stockholm
			[a, '2025-10-14T09:00:00Z', 0, null, 'new', true, true],
			[a, '2025-10-15T09:00:00Z', 0, null, 'new', true, false],
			[b, '2025-09-10T07:00:00Z', 90, 'user_error', 'solved', false, false],
			[b, '2025-11-30T23:30:00Z', 5, 'network', 'solved', true, false], // 1 December in Stockholm
			[b, '2026-01-05T10:00:00Z', 0, null, 'closed', false, false]
		] as const;
		const ids: string[] = [];
		for (const [unit, filed, minutes, cause, state, target, breached] of cases) {
			const { ticket } = await buildTicket(t.db, { organizerId: org.id, unitId: unit.id });
			await t.db
				.update(tickets)
				.set({
					createdAt: new Date(filed),
					minutesLost: minutes,
					cause,
					state,
					slaTargets: target ? { resolution: 480 } : {}
				})
				.where(eq(tickets.id, ticket.id));
			if (breached)
				await t.db
					.insert(ticketSlaBreaches)
					.values({ ticketId: ticket.id, organizerId: org.id, kind: 'resolution', breachedAt: new Date() });
			ids.push(ticket.id);
		}
		// A merged case is not counted, either way.
		await t.db.update(tickets).set({ mergedIntoId: ids[0] }).where(eq(tickets.id, ids[3]));

		for (const f of [
			{ organizerId: org.id, unitId: null, chain: null, from: '2025-07-01', to: '2026-07-01' },
			{ organizerId: org.id, unitId: a.id, chain: null, from: '2025-07-01', to: '2026-07-01' },
			{ organizerId: org.id, unitId: null, chain: 'technical' as const, from: '2025-10-01', to: '2025-12-31' }
		]) {
			const now = await monthlyFigures(t.db, f);
			expect(byKey(now)).toEqual(byKey(await monthlyFiguresBefore(f)));
			expect(now.map((m) => m.month)).toEqual([...now.map((m) => m.month)].sort());
		}
		const year = await monthlyFigures(t.db, { organizerId: org.id, unitId: null, chain: null, from: '2025-07-01', to: '2026-07-01' });
		expect(year.find((m) => m.unitId === a.id && m.month === '2025-10-01')).toEqual({
			month: '2025-10-01',
			unitId: a.id,
			cases: 2,
			minutesLost: 15,
			classified: 1,
			userErrors: 0,
			slaMeasured: 2,
			slaBreached: 2
		});
		expect(year.find((m) => m.unitId === b.id && m.month === '2025-12-01')).toMatchObject({ cases: 1, slaMeasured: 1, slaBreached: 0 });
	});
});
