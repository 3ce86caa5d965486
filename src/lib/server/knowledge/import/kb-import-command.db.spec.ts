// Covers: runKbImport, readArticleFolder.
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrganizer } from '../../../../../tests/factories';
import { auditEvents, kbArticles, supportCategories } from '../../db/schema';
import { swedishSortKey } from '../../../sort-key';
import { runKbImport } from './kb-import-command';

const t = useTestDatabase();
const FIXTURES = path.resolve('tests/fixtures/knowledge');

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function organizerWithCategories() {
	const organizer = await buildOrganizer(t.db);
	for (const [chain, name] of [
		['technical', 'Konto och inloggning'],
		['technical', 'Skrivare och kopiator']
	])
		await t.db.insert(supportCategories).values({ organizerId: organizer.id, chain, name, nameSort: swedishSortKey(name) });
	return organizer;
}

describe('npm run kb:import', () => {
	it('imports a folder as the system, prints the counts, and updates on a second run', async () => {
		const organizer = await organizerWithCategories();
		const c = capture();
		expect(await runKbImport(t.db, [organizer.slug, FIXTURES], c.io)).toBe(0);
		expect(c.out.join('\n')).toContain('3 nya, 0 uppdaterade, 0 oförändrade');
		const rows = await t.db.select().from(kbArticles).where(eq(kbArticles.organizerId, organizer.id));
		expect(rows.map((r) => r.slug).sort()).toEqual(['film-kom-igang', 'glomt-losenord', 'skrivare-papper']);
		expect(rows.every((r) => r.ownerId === null)).toBe(true);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizer.id), eq(auditEvents.action, 'kb.import'), isNull(auditEvents.actorId)));
		expect(audit.changes).toMatchObject({ created: 3, source: 'kb:import (command line)' });
		const again = capture();
		expect(await runKbImport(t.db, [organizer.slug, FIXTURES], again.io)).toBe(0);
		expect(again.out.join('\n')).toContain('0 nya, 0 uppdaterade, 3 oförändrade');
	});

	it('prints every problem as file:line, exits with 1 and writes nothing', async () => {
		const organizer = await organizerWithCategories();
		const folder = await mkdtemp(path.join(tmpdir(), 'kb-import-'));
		await cp(FIXTURES, folder, { recursive: true });
		await mkdir(path.join(folder, 'mer'));
		await writeFile(path.join(folder, 'mer', 'trasig.md'), '---\ntitle: Trasig\naudience: lärare\n---\nText\n');
		const c = capture();
		expect(await runKbImport(t.db, [organizer.slug, folder], c.io)).toBe(1);
		expect(c.err[0]).toBe(`${path.join(folder, 'mer/trasig.md')}:3: ogiltigt värde / invalid value (audience)`);
		expect(await t.db.select().from(kbArticles).where(eq(kbArticles.organizerId, organizer.id))).toEqual([]);
	});

	it('says how to use it, and names an unknown organizer', async () => {
		const c = capture();
		expect(await runKbImport(t.db, [], c.io)).toBe(2);
		expect(await runKbImport(t.db, ['finns-inte', FIXTURES], c.io)).toBe(2);
		expect(c.err).toEqual([expect.stringContaining('npm run kb:import'), 'Okänd huvudman / unknown organizer: finns-inte']);
	});
});
