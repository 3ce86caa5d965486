// Covers: recordDeflection, attachSeenArticles, findSeenArticles, fileTicket, getCasePage.
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrganizer } from '../../../../../tests/factories';
import { buildFilingScene, buildSolvedCase } from '../../../../../tests/knowledge-suggestions';
import { auditEvents, kbDeflections, ticketSeenArticles, tickets } from '../../db/schema';
import { fileTicket } from '../../support/tickets/file-ticket';
import { getCasePage } from '../../support/casepage/get-case-page';
import { recordDeflection } from './record-deflection';

const t = useTestDatabase();
const TYPED = { title: 'Kan inte logga in', description: 'Efter lösenordsbytet säger lärplattformen fel lösenord.' };

const casesOf = async (organizerId: string) =>
	(
		await t.db
			.select({ n: sql<number>`count(*)::int` })
			.from(tickets)
			.where(eq(tickets.organizerId, organizerId))
	)[0].n;

describe('"Det här löste det"', () => {
	it('records the deflection with what was typed and the category, audits it, and files nothing', async () => {
		const s = await buildFilingScene(t.db);
		const article = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Logga in efter lösenordsbyte' });
		const before = await casesOf(s.organizerId);
		const row = await recordDeflection(t.db, {
			actor: s.teacher,
			organizerId: s.organizerId,
			input: { articleId: article.id, ...TYPED, categoryId: s.accounts.id }
		});
		expect(row).toMatchObject({
			organizerId: s.organizerId,
			personId: s.teacher.personId,
			articleId: article.id,
			ticketId: null,
			categoryId: s.accounts.id,
			query: `${TYPED.title}\n\n${TYPED.description}`
		});
		expect(await casesOf(s.organizerId)).toBe(before);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, article.id), eq(auditEvents.action, 'kb.deflection')));
		expect(audit).toMatchObject([{ actorId: s.teacher.personId, organizerId: s.organizerId, changes: { deflectionId: row.id } }]);
	});

	it('counts an earlier solved case that answered it, when that case is offered as self-help', async () => {
		const s = await buildFilingScene(t.db);
		const base = { organizerId: s.organizerId, unitId: s.unit.id, requester: s.teacher, handler: s.handler, categoryId: s.printers.id };
		const flagged = await buildSolvedCase(t.db, { ...base, title: 'Skrivaren drar flera ark', solution: 'Lufta pappersbunten.' });
		const unflagged = await buildSolvedCase(t.db, { ...base, title: 'Skrivaren piper', solution: 'Bytt.', selfHelp: false });
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unit.id }]);
		const row = await recordDeflection(t.db, { actor: colleague, organizerId: s.organizerId, input: { ticketId: flagged.id, ...TYPED } });
		expect(row).toMatchObject({ ticketId: flagged.id, articleId: null });
		await expect(
			recordDeflection(t.db, { actor: colleague, organizerId: s.organizerId, input: { ticketId: unflagged.id, ...TYPED } })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('refuses an article the person may not read, a draft, another organizer’s, an unknown or malformed id', async () => {
		const s = await buildFilingScene(t.db);
		const other = await buildOrganizer(t.db);
		const staffOnly = await buildArticle(t.db, { organizerId: s.organizerId, audience: 'staff' });
		const draft = await buildArticle(t.db, { organizerId: s.organizerId, status: 'draft', publishedAt: null });
		const foreign = await buildArticle(t.db, { organizerId: other.id });
		const attempt = (actor: typeof s.teacher, articleId: string) =>
			recordDeflection(t.db, { actor, organizerId: s.organizerId, input: { articleId, ...TYPED } }).catch((e) => e.code);
		expect(await attempt(s.student, staffOnly.id)).toBe('NOT_FOUND');
		expect(await attempt(s.teacher, draft.id)).toBe('NOT_FOUND');
		expect(await attempt(s.teacher, foreign.id)).toBe('NOT_FOUND');
		expect(await attempt(s.teacher, '00000000-0000-4000-8000-000000000000')).toBe('NOT_FOUND');
		expect(await attempt(s.teacher, 'inte-ett-id')).toBe('NOT_FOUND');
		const neither = await recordDeflection(t.db, { actor: s.teacher, organizerId: s.organizerId, input: TYPED }).catch((e) => e);
		expect(neither).toMatchObject({ code: 'INVALID', issues: [{ message: 'suggest_error_what_solved' }] });
		const outsider = await buildActor(t.db, [{ role: 'staff', organizerId: other.id }]);
		expect(await attempt(outsider, staffOnly.id)).toBe('FORBIDDEN');
		const written = await t.db.select().from(kbDeflections).where(eq(kbDeflections.organizerId, s.organizerId));
		expect(written).toEqual([]);
	});

	it('keeps a very long text cut to size instead of refusing it, and drops a category of another organizer', async () => {
		const s = await buildFilingScene(t.db);
		const other = await buildFilingScene(t.db);
		const article = await buildArticle(t.db, { organizerId: s.organizerId });
		const row = await recordDeflection(t.db, {
			actor: s.teacher,
			organizerId: s.organizerId,
			input: { articleId: article.id, title: 'x'.repeat(500), description: '', categoryId: other.accounts.id }
		});
		expect(row.query).toHaveLength(200);
		expect(row.categoryId).toBeNull();
	});
});

describe('the articles seen while filing', () => {
	const file = (s: Awaited<ReturnType<typeof buildFilingScene>>, seenArticleIds: unknown[], actor = s.teacher) =>
		fileTicket(t.db, {
			actor,
			organizerId: s.organizerId,
			input: { chain: 'technical', unitId: s.unit.id, title: 'Kan inte logga in', description: 'Fel lösenord.', urgency: 'normal' },
			seenArticleIds
		});
	const seenOf = async (ticketId: string) =>
		(await t.db.select().from(ticketSeenArticles).where(eq(ticketSeenArticles.ticketId, ticketId))).map((r) => r.articleId).sort();

	it('attaches the articles shown to the case and audits them with the filing; bad ids are ignored', async () => {
		const s = await buildFilingScene(t.db);
		const other = await buildOrganizer(t.db);
		const a = await buildArticle(t.db, { organizerId: s.organizerId, title: 'A' });
		const b = await buildArticle(t.db, { organizerId: s.organizerId, title: 'B' });
		const draft = await buildArticle(t.db, { organizerId: s.organizerId, status: 'draft', publishedAt: null });
		const foreign = await buildArticle(t.db, { organizerId: other.id });
		const ticket = await file(s, [a.id, b.id, a.id, draft.id, foreign.id, 'inte-ett-id', 42, '00000000-0000-4000-8000-000000000000']);
		expect(await seenOf(ticket.id)).toEqual([a.id, b.id].sort());
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, ticket.id), eq(auditEvents.action, 'ticket.create')));
		expect((audit.changes as { seenArticleIds: string[] }).seenArticleIds.sort()).toEqual([a.id, b.id].sort());
	});

	it('keeps only the articles the filer may read: a student’s form cannot attach staff articles', async () => {
		const s = await buildFilingScene(t.db);
		const staffOnly = await buildArticle(t.db, { organizerId: s.organizerId, audience: 'staff' });
		const forStudents = await buildArticle(t.db, { organizerId: s.organizerId, audience: 'students' });
		const ticket = await file(s, [staffOnly.id, forStudents.id], s.student);
		expect(await seenOf(ticket.id)).toEqual([forStudents.id]);
	});

	it('are written in the filing transaction: when the filing is rolled back, so are they', async () => {
		const s = await buildFilingScene(t.db);
		const a = await buildArticle(t.db, { organizerId: s.organizerId });
		const before = await casesOf(s.organizerId);
		await expect(
			t.db.transaction(async (tx) => {
				await fileTicket(tx, {
					actor: s.teacher,
					organizerId: s.organizerId,
					input: { chain: 'technical', unitId: s.unit.id, title: 'Kan inte logga in', description: 'Fel.', urgency: 'normal' },
					seenArticleIds: [a.id]
				});
				throw new Error('stopped after filing');
			})
		).rejects.toThrow('stopped after filing');
		expect(await casesOf(s.organizerId)).toBe(before);
		expect(await t.db.select().from(ticketSeenArticles).where(eq(ticketSeenArticles.articleId, a.id))).toEqual([]);
	});

	it('are listed on the case page for the lines, by title, and not for the requester', async () => {
		const s = await buildFilingScene(t.db);
		const a = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Byt lösenord i lärplattformen' });
		const ticket = await file(s, [a.id]);
		const forHandler = await getCasePage(t.db, { actor: s.handler, organizerId: s.organizerId, number: ticket.number });
		expect(forHandler.seenArticles).toEqual([{ id: a.id, slug: a.slug, title: 'Byt lösenord i lärplattformen' }]);
		const forRequester = await getCasePage(t.db, { actor: s.teacher, organizerId: s.organizerId, number: ticket.number });
		expect(forRequester.seenArticles).toEqual([]);
	});
});
