// Covers: findQueue (search), prepareQueueSearch, prepareSearch (minimumMatch), indexTicket, backfillTicketIndex.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit } from '../../../../../tests/factories';
import { removeDocument } from '../../search/index-document';
import { backfillTicketIndex } from '../tickets/backfill-ticket-index';
import { findQueue } from './find-queue';

const t = useTestDatabase();

async function setup() {
	const org = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: org.id });
	const staff = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org.id }]);
	const file = async (title: string, description = 'Det fungerar inte.', unitId = unit.id, requester = staff) =>
		(await buildTicket(t.db, { organizerId: org.id, unitId, requester, input: { title, description } })).ticket;
	return { org, unit, staff, central, file };
}

type Setup = Awaited<ReturnType<typeof setup>>;
const titles = async (s: Setup, q: string, actor = s.central) =>
	(await findQueue(t.db, { actor, organizerId: s.org.id, view: 'all', filters: { q } })).tickets.map((r) => r.title);

describe('the queue search', () => {
	it('lists the best matches first: the title counts most, and "skrivare" does not find "AI-skrivna"', async () => {
		const s = await setup();
		await s.file('Datorn är långsam', 'Och skrivaren i sal 3 skriver ut tomma sidor.');
		await s.file('AI-skrivna inlämningar', 'Eleverna skriver med AI.');
		await s.file('Skrivaren på plan 2 har pappersstopp');
		await s.file('Projektorn blinkar');
		expect(await titles(s, 'skrivare')).toEqual(['Skrivaren på plan 2 har pappersstopp', 'Datorn är långsam']);
	});

	it('lists only cases that hold at least half of the words typed', async () => {
		const s = await setup();
		await s.file('Projektorn i sal 4 blinkar');
		expect(await titles(s, 'projektorn blinkar rött')).toEqual(['Projektorn i sal 4 blinkar']);
		expect(await titles(s, 'projektor <script>alert(1)</script>')).toEqual([]);
	});

	it('finds words typed without å, ä, ö, misspelt, or as part of a compound', async () => {
		const s = await setup();
		await s.file('Lösenordet fungerar inte', 'Efter bytet.');
		await s.file('Projektorn blinkar');
		expect(await titles(s, 'losenord')).toEqual(['Lösenordet fungerar inte']);
		expect(await titles(s, 'projketorn')).toEqual(['Projektorn blinkar']);
		expect(await titles(s, 'lösenordsbyte')).toEqual(['Lösenordet fungerar inte']);
	});

	it('still finds a case by its number, first', async () => {
		const s = await setup();
		const a = await s.file('Sal 12 saknar nätverk');
		const b = await s.file(`Skrivare nummer ${a.number}`);
		const found = await titles(s, String(a.number));
		expect(found[0]).toBe(a.title);
		expect(found).toContain(b.title);
		expect(await titles(s, `#${a.number}`)).toEqual([a.title]);
	});

	it('never finds a case another organizer filed, nor one the person may not see', async () => {
		const s = await setup();
		const other = await setup();
		await other.file('Projektorn i aulan är trasig');
		await s.file('Projektorn i sal 4 blinkar');
		expect(await titles(s, 'projektor')).toEqual(['Projektorn i sal 4 blinkar']);
		// A key person at another unit sees that unit's cases only, searched or not.
		const elsewhere = await buildUnit(t.db, { organizerId: s.org.id });
		const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: s.org.id, unitId: elsewhere.id }]);
		const there = await buildActor(t.db, [{ role: 'staff', organizerId: s.org.id, unitId: elsewhere.id }]);
		await s.file('Projektorn i personalrummet', 'Surrar.', elsewhere.id, there);
		expect(await titles(s, 'projektor', key)).toEqual(['Projektorn i personalrummet']);
	});

	it('pages the ranked results by keyset without gaps or repeats', async () => {
		const s = await setup();
		for (let i = 0; i < 7; i++) await s.file(i % 2 ? `Wifi nere i sal ${i}` : `Sal ${i}`, i % 2 ? 'Inget nät.' : 'Wifi nere.');
		const seen: string[] = [];
		let after: string | null = null;
		for (let page = 0; page < 10; page++) {
			const res = await findQueue(t.db, { actor: s.central, organizerId: s.org.id, view: 'all', filters: { q: 'wifi' }, limit: 2, after });
			seen.push(...res.tickets.map((r) => r.title));
			after = res.nextCursor;
			if (!after) break;
		}
		expect(seen).toHaveLength(7);
		expect(new Set(seen).size).toBe(7);
		expect(seen.slice(0, 3).every((x) => x.startsWith('Wifi'))).toBe(true);
	});

	it('finds cases that were not indexed once the backfill has run', async () => {
		const s = await setup();
		const old = await s.file('Kopiatorn har slut på toner');
		await removeDocument(t.db, 'ticket', old.id);
		expect(await titles(s, 'toner')).toEqual([]);
		expect(await backfillTicketIndex(t.db, { organizerId: s.org.id })).toBe(1);
		expect(await backfillTicketIndex(t.db, { organizerId: s.org.id })).toBe(0);
		expect(await titles(s, 'toner')).toEqual(['Kopiatorn har slut på toner']);
	});
});
