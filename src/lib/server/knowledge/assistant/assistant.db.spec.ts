// Covers: askAssistant, markTurnHelpful, handOverToCase, linkConversationToCase, getConversation, findConversations.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildAssistantScene, buildTicket } from '../../../../../tests/factories';
import { assistantConversations, auditEvents } from '../../db/schema';
import { markdownToPlainText } from '../render-markdown';
import type { AnswerComposer } from './answer-composer';
import { askAssistant } from './ask-assistant';
import { findConversations } from './find-conversations';
import { getConversation } from './get-conversation';
import { handOverToCase } from './hand-over-to-case';
import { linkConversationToCase } from './link-conversation-to-case';
import { markTurnHelpful } from './mark-turn-helpful';
import { CONFIDENCE_THRESHOLD } from './score-passages';

const t = useTestDatabase();

const PRINTER = [
	'## Dubbelsidig utskrift',
	'',
	'Välj Dubbelsidigt i utskriftsrutan innan du skriver ut. Skrivaren i personalrummet vänder pappret själv och lägger arken i rätt ordning.',
	'',
	'## Papperet tar slut',
	'',
	'Fyll på papper i den nedre lådan. Tryck sedan på den gröna knappen så fortsätter utskriften där den slutade.',
	'',
	'- Använd bara papper som ligger i förrådet.',
	'- Lägg papperet med den blanka sidan upp.'
].join('\n');

const notFound = { code: 'NOT_FOUND' };

describe('asking the assistant', () => {
	it('answers only with passages quoted word for word from the article, with its title, slug, version and date', async () => {
		const s = await buildAssistantScene(t.db);
		const article = await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Skriv ut på skrivaren i personalrummet',
			body: PRINTER
		});
		await buildArticle(t.db, { organizerId: s.organizerId, title: 'Boka en projektor', body: 'Boka projektorn i bokningen.' });
		// Asked differently: without å/ä/ö and in other forms than the article's.
		const { conversationId, turn } = await askAssistant(t.db, {
			actor: s.staff,
			organizerId: s.organizerId,
			question: 'hur far jag utskrifterna dubbelsidiga pa skrivaren'
		});
		expect(turn.answered).toBe(true);
		expect(turn.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
		expect(turn.passages.length).toBeGreaterThan(0);
		expect(turn.passages[0].text).toContain('Välj Dubbelsidigt i utskriftsrutan');
		const plain = markdownToPlainText(article.body);
		for (const p of turn.passages) {
			expect(plain).toContain(p.text);
			expect(p).toMatchObject({ articleId: article.id, slug: article.slug, title: article.title, version: article.version });
			expect(new Date(p.updatedAt).getTime()).toBe(article.updatedAt.getTime());
		}
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, conversationId), eq(auditEvents.action, 'assistant.ask')));
		expect(audit.changes).toMatchObject({ turnId: turn.id, answered: true });
		expect(JSON.stringify(audit.changes)).not.toContain('dubbelsidiga');
	});

	it('leaves a question with no good match unanswered and quotes nothing', async () => {
		const s = await buildAssistantScene(t.db);
		await buildArticle(t.db, { organizerId: s.organizerId, title: 'Skriv ut på skrivaren i personalrummet', body: PRINTER });
		const nothing = await askAssistant(t.db, { actor: s.staff, organizerId: s.organizerId, question: 'när serveras lunchen i matsalen' });
		expect(nothing.turn).toMatchObject({ answered: false, passages: [] });
		// One word of five in a list item is not an answer either.
		const thin = await askAssistant(t.db, {
			actor: s.staff,
			organizerId: s.organizerId,
			question: 'var beställer jag nya stolar och bänkar till förrådet'
		});
		expect(thin.turn).toMatchObject({ answered: false, passages: [] });
		expect(thin.turn.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
	});

	it('never quotes an article for an audience the person does not read, nor a draft, not even to its writers', async () => {
		const s = await buildAssistantScene(t.db);
		await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Skriv ut på skrivaren i personalrummet',
			body: PRINTER,
			audience: 'staff'
		});
		await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Projektorn i aulan visar ingen bild',
			body: 'Tryck på Källa på fjärrkontrollen tills bilden från projektorn syns på duken i aulan.',
			status: 'draft',
			publishedAt: null,
			audience: 'everyone'
		});
		const question = 'hur skriver jag ut dubbelsidigt på skrivaren';
		const student = await askAssistant(t.db, { actor: s.student, organizerId: s.organizerId, question });
		expect(student.turn).toMatchObject({ answered: false, passages: [] });
		const staff = await askAssistant(t.db, { actor: s.staff, organizerId: s.organizerId, question });
		expect(staff.turn.answered).toBe(true);
		const draft = await askAssistant(t.db, { actor: s.admin, organizerId: s.organizerId, question: 'projektorn i aulan visar ingen bild' });
		expect(draft.turn).toMatchObject({ answered: false, passages: [] });
	});

	it('keeps nothing a plugged-in composer made up: only text found in the articles is quoted', async () => {
		const s = await buildAssistantScene(t.db);
		const article = await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Skriv ut på skrivaren i personalrummet',
			body: PRINTER
		});
		const inventive: AnswerComposer = {
			async compose({ articles }) {
				const a = articles[0];
				const base = { articleId: a.id, version: a.version, title: a.title, slug: a.slug, updatedAt: a.updatedAt.toISOString() };
				return {
					answered: true,
					confidence: 0.99,
					passages: [
						{ ...base, text: 'Skrivaren kan också skicka fax till rektorn.' },
						{ ...base, text: 'Fyll på papper i den nedre lådan.' }
					]
				};
			}
		};
		const { turn } = await askAssistant(t.db, {
			actor: s.staff,
			organizerId: s.organizerId,
			question: 'skrivaren papper',
			composer: inventive
		});
		expect(turn.passages.map((p) => p.text)).toEqual(['Fyll på papper i den nedre lådan.']);
		expect(turn.passages[0].articleId).toBe(article.id);
	});

	it('refuses an empty question beside the field, and someone else’s conversation is not there', async () => {
		const s = await buildAssistantScene(t.db);
		await expect(askAssistant(t.db, { actor: s.staff, organizerId: s.organizerId, question: '  ' })).rejects.toMatchObject({
			code: 'INVALID',
			issues: [{ field: 'question', message: 'assistant_error_question_required' }]
		});
		const { conversationId, turn } = await askAssistant(t.db, { actor: s.staff, organizerId: s.organizerId, question: 'skrivaren' });
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unitId }]);
		const opts = { actor: colleague, organizerId: s.organizerId, conversationId };
		await expect(getConversation(t.db, opts)).rejects.toMatchObject(notFound);
		await expect(askAssistant(t.db, { ...opts, question: 'skrivaren igen' })).rejects.toMatchObject(notFound);
		await expect(markTurnHelpful(t.db, { ...opts, turnId: turn.id, helpful: false })).rejects.toMatchObject(notFound);
		await expect(handOverToCase(t.db, { ...opts, orgSlug: s.organizer.slug })).rejects.toMatchObject(notFound);
		await expect(getConversation(t.db, { ...opts, conversationId: 'inte-ett-id' })).rejects.toMatchObject(notFound);
		// Its person reads it and continues it; a reviewer reads it but it is not theirs.
		await askAssistant(t.db, { actor: s.staff, organizerId: s.organizerId, question: 'och papperet', conversationId });
		const own = await getConversation(t.db, { actor: s.staff, organizerId: s.organizerId, conversationId });
		expect(own).toMatchObject({ mine: true, personName: null });
		expect(own.turns.map((x) => x.question)).toEqual(['skrivaren', 'och papperet']);
		const reviewed = await getConversation(t.db, { actor: s.admin, organizerId: s.organizerId, conversationId });
		expect(reviewed.mine).toBe(false);
		expect(reviewed.turns).toHaveLength(2);
	});
});

describe('after the answer', () => {
	it('keeps the person’s "did it help?" and audits it when it changes', async () => {
		const s = await buildAssistantScene(t.db);
		await buildArticle(t.db, { organizerId: s.organizerId, title: 'Skriv ut på skrivaren i personalrummet', body: PRINTER });
		const { conversationId, turn } = await askAssistant(t.db, { actor: s.staff, organizerId: s.organizerId, question: 'fylla på papper' });
		const opts = { actor: s.staff, organizerId: s.organizerId, conversationId, turnId: turn.id };
		expect(await markTurnHelpful(t.db, { ...opts, helpful: false })).toEqual({ changed: true });
		expect(await markTurnHelpful(t.db, { ...opts, helpful: false })).toEqual({ changed: false });
		const shown = await getConversation(t.db, opts);
		expect(shown.turns[0].helpful).toBe(false);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, conversationId), eq(auditEvents.action, 'assistant.feedback')));
		expect(audits).toHaveLength(1);
	});

	it('hands the question and the passages shown over to a case, and the filed case is linked to the conversation', async () => {
		const s = await buildAssistantScene(t.db);
		const article = await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Skriv ut på skrivaren i personalrummet',
			body: PRINTER
		});
		const { conversationId, turn } = await askAssistant(t.db, {
			actor: s.staff,
			organizerId: s.organizerId,
			question: 'skrivaren skriver inte ut dubbelsidigt'
		});
		expect(turn.answered).toBe(true);
		await markTurnHelpful(t.db, { actor: s.staff, organizerId: s.organizerId, conversationId, turnId: turn.id, helpful: false });
		const handover = await handOverToCase(t.db, { actor: s.staff, organizerId: s.organizerId, orgSlug: s.organizer.slug, conversationId });
		expect(handover.title).toBe('skrivaren skriver inte ut dubbelsidigt');
		expect(handover.description).toContain('skrivaren skriver inte ut dubbelsidigt');
		for (const p of turn.passages) expect(handover.description).toContain(`> ${p.text}`);
		expect(handover.description).toContain(`/${s.organizer.slug}/hjalp/${article.slug}`);

		const { ticket } = await buildTicket(t.db, {
			organizerId: s.organizerId,
			unitId: s.unitId,
			requester: s.staff,
			input: { title: handover.title, description: handover.description }
		});
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unitId }]);
		await expect(
			linkConversationToCase(t.db, { actor: colleague, organizerId: s.organizerId, conversationId, ticketId: ticket.id })
		).rejects.toMatchObject(notFound);
		const { ticket: othersCase } = await buildTicket(t.db, { organizerId: s.organizerId, unitId: s.unitId, requester: colleague });
		await expect(
			linkConversationToCase(t.db, { actor: s.staff, organizerId: s.organizerId, conversationId, ticketId: othersCase.id })
		).rejects.toMatchObject(notFound);
		expect(await linkConversationToCase(t.db, { actor: s.staff, organizerId: s.organizerId, conversationId, ticketId: ticket.id })).toEqual(
			{
				linked: true
			}
		);
		const [row] = await t.db.select().from(assistantConversations).where(eq(assistantConversations.id, conversationId));
		expect(row.ticketId).toBe(ticket.id);
		const shown = await getConversation(t.db, { actor: s.staff, organizerId: s.organizerId, conversationId });
		expect(shown.ticketNumber).toBe(ticket.number);
	});

	it('hands an unanswered question over with the question alone', async () => {
		const s = await buildAssistantScene(t.db);
		const { conversationId, turn } = await askAssistant(t.db, {
			actor: s.staff,
			organizerId: s.organizerId,
			question: 'lunchen i matsalen'
		});
		const handover = await handOverToCase(t.db, {
			actor: s.staff,
			organizerId: s.organizerId,
			orgSlug: s.organizer.slug,
			conversationId,
			turnId: turn.id
		});
		expect(handover.title).toBe('lunchen i matsalen');
		expect(handover.description).not.toContain('>');
	});
});

describe('reviewing the kept conversations', () => {
	it('lists them newest first for managers, narrowed to unanswered, unhelpful or handed over, never naming a protected person', async () => {
		const s = await buildAssistantScene(t.db);
		await buildArticle(t.db, { organizerId: s.organizerId, title: 'Skriv ut på skrivaren i personalrummet', body: PRINTER });
		const hidden = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unitId }], {
			name: 'Hemlig Person',
			protectedIdentity: true
		});
		const answered = await askAssistant(t.db, { actor: s.staff, organizerId: s.organizerId, question: 'fylla på papper i skrivaren' });
		const unanswered = await askAssistant(t.db, { actor: hidden, organizerId: s.organizerId, question: 'lunchen i matsalen' });
		const byStudent = await askAssistant(t.db, { actor: s.student, organizerId: s.organizerId, question: 'dubbelsidigt' });
		expect(byStudent.turn.answered).toBe(false);

		const all = await findConversations(t.db, { actor: s.admin, organizerId: s.organizerId });
		expect(all.conversations.map((c) => c.id)).toEqual([byStudent.conversationId, unanswered.conversationId, answered.conversationId]);
		const shownName = all.conversations.find((c) => c.id === unanswered.conversationId)?.personName;
		expect(shownName).not.toContain('Hemlig');
		expect(shownName).toMatch(/\d/);
		expect(all.conversations.find((c) => c.id === answered.conversationId)?.personName).toBe(s.staff.name);

		const open = await findConversations(t.db, { actor: s.admin, organizerId: s.organizerId, filter: 'unanswered' });
		expect(open.conversations.map((c) => c.id)).toEqual([byStudent.conversationId, unanswered.conversationId]);
		await markTurnHelpful(t.db, {
			actor: s.staff,
			organizerId: s.organizerId,
			conversationId: answered.conversationId,
			turnId: answered.turn.id,
			helpful: false
		});
		const no = await findConversations(t.db, { actor: s.admin, organizerId: s.organizerId, filter: 'not_helpful' });
		expect(no.conversations.map((c) => c.id)).toEqual([answered.conversationId]);
		expect(no.conversations[0].turns[0]).toMatchObject({ question: 'fylla på papper i skrivaren', helpful: false, answered: true });
		const cases = await findConversations(t.db, { actor: s.admin, organizerId: s.organizerId, filter: 'handed_over' });
		expect(cases.conversations).toEqual([]);

		await expect(findConversations(t.db, { actor: s.staff, organizerId: s.organizerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});
