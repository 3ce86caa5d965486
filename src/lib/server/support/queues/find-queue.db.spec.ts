// Covers: findQueue.
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit } from '../../../../../tests/factories';
import { supportCategories, tickets } from '../../db/schema';
import { findQueue } from './find-queue';
import type { QueueFilters, QueueView } from './queue-params';

const t = useTestDatabase();

async function setup() {
	const org = await buildOrganizer(t.db);
	const area = await buildUnit(t.db, { organizerId: org.id, kind: 'rektorsomrade' });
	const school = await buildUnit(t.db, { organizerId: org.id, parentId: area.id });
	const other = await buildUnit(t.db, { organizerId: org.id });
	const [cat] = await t.db
		.insert(supportCategories)
		.values({ organizerId: org.id, chain: 'technical', name: 'Projektor och skärm', nameSort: 'projektor' })
		.returning();
	const staff = await buildActor(t.db, [
		{ role: 'staff', organizerId: org.id, unitId: null },
		{ role: 'staff', organizerId: org.id, unitId: area.id },
		{ role: 'staff', organizerId: org.id, unitId: other.id }
	]);
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org.id }]);
	const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org.id, unitId: area.id }]);
	const file = async (
		unitId: string,
		title: string,
		description = 'Det fungerar inte.',
		extra: Partial<typeof tickets.$inferInsert> = {}
	) => {
		const { ticket } = await buildTicket(t.db, {
			organizerId: org.id,
			unitId,
			requester: staff,
			input: { title, description, categoryId: title.includes('rojektor') ? cat.id : '' }
		});
		if (Object.keys(extra).length) await t.db.update(tickets).set(extra).where(eq(tickets.id, ticket.id));
		return ticket.number;
	};
	const n = {
		projector: await file(school.id, 'Projektorn i sal 4 blinkar'),
		platform: await file(area.id, 'Lärplattformen visar fel prov', 'Eleverna ser "fel" prov & <script>alert(1)</script>'),
		mineOpen: await file(other.id, 'Skrivaren krånglar', 'Papper fastnar', { assigneeId: central.personId, state: 'in_progress' }),
		waiting: await file(school.id, 'Inloggningen fungerar inte', 'Lösenordet', { state: 'waiting_requester', slaStatus: 'paused' }),
		supplier: await file(other.id, 'Nätverket är nere', 'Hela huset', {
			state: 'waiting_supplier',
			line: 2,
			slaStatus: 'running',
			slaDueAt: new Date(Date.now() - 60_000)
		}),
		solved: await file(other.id, 'Datorn startar', 'Klart', { state: 'solved', assigneeId: central.personId, slaStatus: 'met' }),
		closed: await file(school.id, 'Gammalt ärende', 'Stängt', { state: 'closed', slaStatus: 'met' })
	};
	return { org, area, school, other, cat, staff, central, key, n };
}

const numbers = async (o: Parameters<typeof findQueue>[1]) => (await findQueue(t.db, o)).tickets.map((r) => r.number).sort((a, b) => a - b);

describe('the support queue', () => {
	it('shows each tab its own cases', async () => {
		const s = await setup();
		const tab = (view: QueueView, actor = s.central) => numbers({ actor, organizerId: s.org.id, view });
		expect(await tab('unassigned')).toEqual([s.n.projector, s.n.platform, s.n.waiting, s.n.supplier].sort((a, b) => a - b));
		expect(await tab('mine')).toEqual([s.n.mineOpen, s.n.solved]);
		expect(await tab('waiting')).toEqual([s.n.waiting, s.n.supplier].sort((a, b) => a - b));
		expect(await tab('all')).toHaveLength(7);
		expect(await tab('units')).toEqual([]);
		// The key person works line 1 at their area and below, and sees nothing of the other unit.
		expect(await tab('unassigned', s.key)).toEqual([s.n.projector, s.n.platform, s.n.waiting]);
		expect(await tab('units', s.key)).toEqual([s.n.projector, s.n.platform, s.n.waiting, s.n.closed]);
		expect(await tab('all', s.key)).toEqual([s.n.projector, s.n.platform, s.n.waiting, s.n.closed]);
	});

	it('filters by state, unit with its subunits, category, line and SLA status', async () => {
		const s = await setup();
		const f = (filters: QueueFilters) => numbers({ actor: s.central, organizerId: s.org.id, view: 'all', filters });
		expect(await f({ state: 'solved' })).toEqual([s.n.solved]);
		expect(await f({ unitId: s.area.id })).toEqual([s.n.projector, s.n.platform, s.n.waiting, s.n.closed]);
		expect(await f({ unitId: s.school.id, categoryId: s.cat.id, state: 'new' })).toEqual([s.n.projector]);
		expect(await f({ line: 2 })).toEqual([s.n.supplier]);
		expect(await f({ sla: 'breached' })).toEqual([s.n.supplier]);
		expect(await f({ sla: 'paused' })).toEqual([s.n.waiting]);
		expect(await f({ chain: 'pedagogical' })).toEqual([]);
		expect(await f({ unitId: (await buildUnit(t.db)).id })).toEqual([]);
	});

	it('searches in Swedish with the last word as a prefix, and by case number', async () => {
		const s = await setup();
		const q = (text: string) => numbers({ actor: s.central, organizerId: s.org.id, view: 'all', filters: { q: text } });
		expect(await q('projektor')).toEqual([s.n.projector]);
		expect(await q('lärplatt')).toEqual([s.n.platform]);
		expect(await q('fel prov')).toEqual([s.n.platform]);
		expect(await q(`#${s.n.waiting}`)).toEqual([s.n.waiting]);
		expect(await q('elefant')).toEqual([]);
	});

	it('never fails on strange search text', async () => {
		const s = await setup();
		for (const text of [
			`'`,
			`"`,
			`&|!():*`,
			`a:* & !b`,
			`<script>`,
			`\\`,
			`och`,
			`ʼ`,
			`…`,
			`😀 prov`,
			`sal4`,
			`x`.repeat(300),
			`%_`,
			`--`,
			`1e9`,
			`99999999999`
		]) {
			await expect(
				findQueue(t.db, { actor: s.central, organizerId: s.org.id, view: 'all', filters: { q: text } }),
				text
			).resolves.toBeDefined();
		}
	});

	it('pages by keyset without gaps or repeats, even when cases were filed in the same instant', async () => {
		const s = await setup();
		const all = await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.organizerId, s.org.id));
		await t.db
			.update(tickets)
			.set({ createdAt: new Date('2026-11-23T10:00:00Z') })
			.where(
				inArray(
					tickets.id,
					all.slice(0, 5).map((r) => r.id)
				)
			);
		await t.db
			.update(tickets)
			.set({ slaDueAt: new Date('2026-12-01T10:00:00Z') })
			.where(
				inArray(
					tickets.id,
					all.slice(2, 5).map((r) => r.id)
				)
			);
		for (const sort of ['newest', 'deadline'] as const) {
			const seen: number[] = [];
			let after: string | null = null;
			let pages = 0;
			do {
				const page: Awaited<ReturnType<typeof findQueue>> = await findQueue(t.db, {
					actor: s.central,
					organizerId: s.org.id,
					view: 'all',
					sort,
					after,
					limit: 2
				});
				seen.push(...page.tickets.map((r) => r.number));
				after = page.nextCursor;
				pages++;
			} while (after && pages < 10);
			expect(
				seen.toSorted((a, b) => a - b),
				sort
			).toEqual(Object.values(s.n).sort((a, b) => a - b));
			expect(pages, sort).toBe(4);
		}
	});

	it('sorts by deadline with the overdue case first and cases without a deadline last', async () => {
		const s = await setup();
		const page = await findQueue(t.db, { actor: s.central, organizerId: s.org.id, view: 'all', sort: 'deadline' });
		expect(page.tickets[0]).toMatchObject({ number: s.n.supplier, slaStatus: 'breached' });
	});

	it('is refused to people who handle no support', async () => {
		const s = await setup();
		const err = await findQueue(t.db, { actor: s.staff, organizerId: s.org.id, view: 'all' }).catch((e) => e);
		expect(err.code).toBe('FORBIDDEN');
	});
});
