// Covers: findQueue (filed-date period), parseQueueParams / queueQuery (fran, till).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit } from '../../../../../tests/factories';
import { tickets } from '../../db/schema';
import { findQueue } from './find-queue';
import { parseQueueParams, queueQuery } from './queue-params';

const t = useTestDatabase();

describe('the queue by filed date', () => {
	it('lists only the cases filed in the period, Stockholm days with the last day whole', async () => {
		const org = (await buildOrganizer(t.db)).id;
		const unit = await buildUnit(t.db, { organizerId: org });
		const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
		const filed = async (at: string) => {
			const { ticket } = await buildTicket(t.db, { organizerId: org, unitId: unit.id });
			await t.db
				.update(tickets)
				.set({ createdAt: new Date(at) })
				.where(eq(tickets.id, ticket.id));
			return ticket.number;
		};
		// 2025-07-01 00:30 in Stockholm is 2025-06-30 22:30 UTC: inside a period that starts on 1 July.
		const first = await filed('2025-06-30T22:30:00Z');
		const before = await filed('2025-06-30T21:30:00Z');
		// 2026-06-30 23:30 in Stockholm is still the period's last day.
		const last = await filed('2026-06-30T21:30:00Z');
		const after = await filed('2026-06-30T22:30:00Z');
		const numbers = async (from?: string, to?: string) =>
			(await findQueue(t.db, { actor: central, organizerId: org, view: 'all', filters: { from, to } })).tickets.map((r) => r.number).sort();
		expect(await numbers('2025-07-01', '2026-06-30')).toEqual([first, last].sort());
		expect(await numbers('2025-07-01')).toEqual([first, last, after].sort());
		expect(await numbers(undefined, '2025-06-30')).toEqual([before]);
	});
});

describe('reading the period from the address', () => {
	it('keeps good dates in the link and says what is wrong with bad ones instead of failing', () => {
		const good = parseQueueParams(new URLSearchParams('vy=all&fran=2025-07-01&till=2026-06-30'));
		expect(good.filters).toMatchObject({ from: '2025-07-01', to: '2026-06-30' });
		expect(good.issues).toEqual([]);
		expect(queueQuery('all', 'newest', good.filters)).toBe('vy=all&fran=2025-07-01&till=2026-06-30');

		const bad = parseQueueParams(new URLSearchParams('fran=2025-02-30&till=igår'));
		expect(bad.filters.from).toBeUndefined();
		expect(bad.filters.to).toBeUndefined();
		expect(bad.typed).toEqual({ fran: '2025-02-30', till: 'igår' });
		expect(bad.issues).toEqual([
			{ field: 'fran', message: 'queue_date_error_format' },
			{ field: 'till', message: 'queue_date_error_format' }
		]);

		const backwards = parseQueueParams(new URLSearchParams('fran=2026-06-30&till=2025-07-01'));
		expect(backwards.filters.from).toBeUndefined();
		expect(backwards.issues).toEqual([{ field: 'till', message: 'queue_date_error_order' }]);
	});
});
