// Covers: addArticleFile, removeArticleFile, getArticleFile, listArticleFiles.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrgAdmin, buildUnit } from '../../../../../tests/factories';
import { auditEvents } from '../../db/schema';
import { addArticleFile } from './add-article-file';
import { removeArticleFile } from './remove-article-file';
import { getArticleFile } from './get-article-file';
import { listArticleFiles } from './article-files';

const t = useTestDatabase();
const PDF = new TextEncoder().encode('%PDF-1.4\n% lathund\n');
const codeOf = async (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string; issues?: { message: string }[] }) => (e.issues?.length ? `${e.code}:${e.issues[0].message}` : e.code)
	);

async function setUp() {
	const { organizer, actor: admin } = await buildOrgAdmin(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	const student = await buildActor(t.db, [{ role: 'student', organizerId: organizer.id, unitId: unit.id }]);
	const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id, unitId: unit.id }]);
	const article = await buildArticle(t.db, { organizerId: organizer.id, kind: 'cheat_sheet', audience: 'staff' });
	return { organizerId: organizer.id, admin, staff, student, keyPerson, article };
}

describe('an article’s files', () => {
	it('keeps a checked file that readers of the article download; audited when added and removed', async () => {
		const { organizerId, admin, staff, student, article } = await setUp();
		const row = await addArticleFile(t.db, {
			actor: admin,
			organizerId,
			slug: article.slug,
			file: { name: 'Lathund skrivare.exe', bytes: PDF }
		});
		expect(row.fileName).toBe('Lathund skrivare.pdf');
		expect(await listArticleFiles(t.db, article.id)).toEqual([
			{ id: row.id, fileName: 'Lathund skrivare.pdf', contentType: 'application/pdf', size: PDF.length }
		]);
		const file = await getArticleFile(t.db, { actor: staff, organizerId, slug: article.slug, fileId: row.id });
		expect(Buffer.from(file.content).toString()).toBe('%PDF-1.4\n% lathund\n');
		// A student does not read a staff article, nor its file.
		expect(await codeOf(getArticleFile(t.db, { actor: student, organizerId, slug: article.slug, fileId: row.id }))).toBe('NOT_FOUND');
		for (const fileId of ['inte-ett-id', '00000000-0000-4000-8000-000000000000'])
			expect(await codeOf(getArticleFile(t.db, { actor: staff, organizerId, slug: article.slug, fileId }))).toBe('NOT_FOUND');

		await removeArticleFile(t.db, { actor: admin, organizerId, slug: article.slug, fileId: row.id });
		expect(await listArticleFiles(t.db, article.id)).toEqual([]);
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, article.id));
		expect(audit.map((a) => a.action)).toEqual(['kb_article.add_file', 'kb_article.remove_file']);
	});

	it('refuses a file that is not what it says, a missing file and a sixth file, beside the field', async () => {
		const { organizerId, admin, article } = await setUp();
		const send = (bytes: Uint8Array | null) =>
			codeOf(addArticleFile(t.db, { actor: admin, organizerId, slug: article.slug, file: bytes && { name: 'lathund.pdf', bytes } }));
		expect(await send(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBe('INVALID:tickets_error_attachment_type');
		expect(await send(null)).toBe('INVALID:kb_error_file_missing');
		for (let i = 0; i < 5; i++) expect(await send(PDF)).toBe('ok');
		expect(await send(PDF)).toBe('INVALID:kb_error_file_count');
		expect(await listArticleFiles(t.db, article.id)).toHaveLength(5);
	});

	it('lets writers change files of drafts only; publishers those of published articles too', async () => {
		const { organizerId, keyPerson, staff, article } = await setUp();
		const file = { name: 'a.pdf', bytes: PDF };
		expect(await codeOf(addArticleFile(t.db, { actor: keyPerson, organizerId, slug: article.slug, file }))).toBe('FORBIDDEN');
		expect(await codeOf(addArticleFile(t.db, { actor: staff, organizerId, slug: article.slug, file }))).toBe('FORBIDDEN');
		const draft = await buildArticle(t.db, { organizerId, status: 'draft', publishedAt: null });
		expect(await codeOf(addArticleFile(t.db, { actor: keyPerson, organizerId, slug: draft.slug, file }))).toBe('ok');
	});
});
