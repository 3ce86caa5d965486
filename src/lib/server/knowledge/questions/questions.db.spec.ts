// Covers: askQuestion, answerQuestion, acceptAnswer, findQuestions, getQuestion, notifyDuty, makeArticleFromAnswer, suggestSimilarQuestions.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrgAdmin, buildQuestion, buildUnit } from '../../../../../tests/factories';
import { auditEvents, dutyRoster, kbArticles, notifications, outbox, people, qaQuestions, searchDocuments } from '../../db/schema';
import { askQuestion } from './ask-question';
import { answerQuestion } from './answer-question';
import { acceptAnswer } from './accept-answer';
import { findQuestions } from './find-questions';
import { getQuestion } from './get-question';
import { makeArticleFromAnswer } from './make-article-from-answer';
import { suggestSimilarQuestions } from './suggest-similar-questions';
import { thisMonday } from './week';

const t = useTestDatabase();

async function setUp() {
	const { organizer, actor: admin } = await buildOrgAdmin(t.db);
	const organizerId = organizer.id;
	const unit = await buildUnit(t.db, { organizerId });
	const at = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = unit.id) =>
		buildActor(t.db, [{ role, organizerId, unitId }]);
	return {
		organizerId,
		admin,
		unit,
		teacher: await at('staff'),
		colleague: await at('staff'),
		pedKey: await at('pedagogical_key_person'),
		techKey: await at('technical_key_person'),
		centralPed: await at('central_pedagogical_support', null),
		centralTech: await at('central_technical_support', null),
		student: await at('student')
	};
}
const putOnDuty = (organizerId: string, chain: string, ...personIds: string[]) =>
	t.db.insert(dutyRoster).values(personIds.map((personId) => ({ organizerId, chain, weekStart: thisMonday(), personId })));
const noticesOf = (personId: string) => t.db.select().from(notifications).where(eq(notifications.personId, personId));
const emailOf = async (personId: string) =>
	(await t.db.select({ email: people.email }).from(people).where(eq(people.id, personId)))[0].email;
const failure = async (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string; issues?: unknown }) => ({ code: e.code, issues: e.issues })
	);

describe('asking a question', () => {
	it('stores, indexes and audits it, and tells the key person on duty for its chain at once, in the app and by mail', async () => {
		const s = await setUp();
		await putOnDuty(s.organizerId, 'pedagogical', s.pedKey.personId);
		await putOnDuty(s.organizerId, 'technical', s.techKey.personId);
		const q = await askQuestion(t.db, {
			actor: s.teacher,
			organizerId: s.organizerId,
			input: { chain: 'pedagogical', title: 'Hur gör jag ett självrättande prov?', body: 'I lärplattformen, för årskurs 8.' }
		});
		expect(q).toMatchObject({ chain: 'pedagogical', askedBy: s.teacher.personId, acceptedAnswerId: null });
		expect(q.dutyNotifiedAt).toBeInstanceOf(Date);
		const [stored] = await t.db.select().from(qaQuestions).where(eq(qaQuestions.id, q.id));
		expect(stored.dutyNotifiedAt).not.toBeNull();
		const indexed = await t.db
			.select()
			.from(searchDocuments)
			.where(and(eq(searchDocuments.kind, 'question'), eq(searchDocuments.sourceId, q.id)));
		expect(indexed).toHaveLength(1);
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, q.id));
		expect(audits.map((a) => a.action)).toEqual(['qa_question.ask']);

		const told = await noticesOf(s.pedKey.personId);
		expect(told).toHaveLength(1);
		expect(told[0]).toMatchObject({ kind: 'qa_duty', email: 'immediate', organizerId: s.organizerId });
		expect(told[0].params).toMatchObject({ question: q.id, title: 'Hur gör jag ett självrättande prov?' });
		const mail = await t.db
			.select()
			.from(outbox)
			.where(eq(outbox.toAddress, await emailOf(s.pedKey.personId)));
		expect(mail).toHaveLength(1);
		expect(mail[0].body).toContain(`/fragor/${q.id}`);
		// The other chain's key person on duty, central support (someone is on duty) and the asker hear nothing.
		for (const other of [s.techKey, s.centralPed, s.teacher]) expect(await noticesOf(other.personId)).toHaveLength(0);
	});

	it('tells the central support of the chain when nobody is on duty, and passes over someone on the roster without the role', async () => {
		const s = await setUp();
		// On the roster for the chain, but a staff member (the role was taken away): not a key person of the chain.
		await putOnDuty(s.organizerId, 'technical', s.colleague.personId);
		const q = await askQuestion(t.db, {
			actor: s.teacher,
			organizerId: s.organizerId,
			input: { chain: 'technical', title: 'Wifi i aulan', body: '' }
		});
		expect((await noticesOf(s.centralTech.personId)).map((n) => n.kind)).toEqual(['qa_duty']);
		for (const other of [s.colleague, s.centralPed, s.techKey]) expect(await noticesOf(other.personId)).toHaveLength(0);
		expect(q.dutyNotifiedAt).not.toBeNull();
	});

	it('refuses a student, and an empty title beside the field', async () => {
		const s = await setUp();
		expect(
			await failure(askQuestion(t.db, { actor: s.student, organizerId: s.organizerId, input: { chain: 'technical', title: 'Hej' } }))
		).toMatchObject({ code: 'FORBIDDEN' });
		expect(
			await failure(askQuestion(t.db, { actor: s.teacher, organizerId: s.organizerId, input: { chain: 'technical', title: '   ' } }))
		).toEqual({ code: 'INVALID', issues: [{ field: 'title', message: 'qa_error_title' }] });
		expect(
			await failure(askQuestion(t.db, { actor: s.teacher, organizerId: s.organizerId, input: { chain: 'annat', title: 'En fråga' } }))
		).toMatchObject({ code: 'INVALID', issues: [{ field: 'chain', message: 'qa_error_chain' }] });
	});
});

describe('answering and accepting', () => {
	it('tells the asker of each new answer (not of their own), and lets only the asker accept one, changing their mind', async () => {
		const s = await setUp();
		const q = await askQuestion(t.db, {
			actor: s.teacher,
			organizerId: s.organizerId,
			input: { chain: 'technical', title: 'Projektorn visar blå skärm', body: 'Sal 12.' }
		});
		const first = await answerQuestion(t.db, {
			actor: s.techKey,
			organizerId: s.organizerId,
			questionId: q.id,
			input: { body: 'Byt HDMI-kabel.' }
		});
		const second = await answerQuestion(t.db, {
			actor: s.colleague,
			organizerId: s.organizerId,
			questionId: q.id,
			input: { body: 'Välj ingång två med fjärrkontrollens källknapp.' }
		});
		await answerQuestion(t.db, { actor: s.teacher, organizerId: s.organizerId, questionId: q.id, input: { body: 'Tack, jag provar.' } });
		expect((await noticesOf(s.teacher.personId)).map((n) => n.kind)).toEqual(['qa_answer', 'qa_answer']);

		expect(
			await failure(answerQuestion(t.db, { actor: s.colleague, organizerId: s.organizerId, questionId: q.id, input: { body: ' ' } }))
		).toEqual({ code: 'INVALID', issues: [{ field: 'body', message: 'qa_error_answer' }] });
		expect(
			await failure(acceptAnswer(t.db, { actor: s.colleague, organizerId: s.organizerId, questionId: q.id, answerId: second.id }))
		).toMatchObject({ code: 'FORBIDDEN' });

		await acceptAnswer(t.db, { actor: s.teacher, organizerId: s.organizerId, questionId: q.id, answerId: first.id });
		const changed = await acceptAnswer(t.db, { actor: s.teacher, organizerId: s.organizerId, questionId: q.id, answerId: second.id });
		expect(changed.acceptedAnswerId).toBe(second.id);
		// The accepted answer's words find the question now.
		const found = await findQuestions(t.db, { actor: s.colleague, organizerId: s.organizerId, query: 'fjärrkontrollens källknapp' });
		expect(found.items.map((i) => i.id)).toEqual([q.id]);

		const view = await getQuestion(t.db, { actor: s.teacher, organizerId: s.organizerId, questionId: q.id });
		expect(view.answers.map((a) => a.accepted)).toEqual([false, true, false]);
		expect(view).toMatchObject({ canAccept: true, mine: true, canMakeArticle: false });
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, q.id));
		expect(audits.map((a) => a.action).sort()).toEqual(
			['qa_answer.create', 'qa_answer.create', 'qa_answer.create', 'qa_question.accept', 'qa_question.accept', 'qa_question.ask'].sort()
		);
	});

	it('does not find another organizer’s question, nor a malformed id', async () => {
		const s = await setUp();
		const other = await setUp();
		const { question } = await buildQuestion(t.db, { organizerId: other.organizerId, askedBy: other.teacher.personId });
		for (const questionId of [question.id, 'inte-ett-id']) {
			expect(await failure(getQuestion(t.db, { actor: s.teacher, organizerId: s.organizerId, questionId }))).toMatchObject({
				code: 'NOT_FOUND'
			});
			expect(
				await failure(answerQuestion(t.db, { actor: s.teacher, organizerId: s.organizerId, questionId, input: { body: 'Svar' } }))
			).toMatchObject({ code: 'NOT_FOUND' });
		}
		expect(await noticesOf(other.teacher.personId)).toHaveLength(0);
	});

	it('shows a protected asker by pseudonym to colleagues, by name to themselves', async () => {
		const s = await setUp();
		const hidden = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unit.id }], {
			name: 'Hemlig Person',
			protectedIdentity: true
		});
		const { question } = await buildQuestion(t.db, { organizerId: s.organizerId, askedBy: hidden.personId, answeredBy: [hidden.personId] });
		const seen = await getQuestion(t.db, { actor: s.colleague, organizerId: s.organizerId, questionId: question.id });
		expect(seen.askedBy).not.toContain('Hemlig');
		expect(seen.answers[0].author).toBe(seen.askedBy);
		const listed = await findQuestions(t.db, { actor: s.colleague, organizerId: s.organizerId, filter: 'all' });
		expect(JSON.stringify(listed)).not.toContain('Hemlig');
		const own = await getQuestion(t.db, { actor: hidden, organizerId: s.organizerId, questionId: question.id });
		expect(own.askedBy).toBe('Hemlig Person');
	});
});

describe('the list of questions', () => {
	it('filters unanswered (oldest first), mine, and searches ranked', async () => {
		const s = await setUp();
		const old = await buildQuestion(t.db, {
			organizerId: s.organizerId,
			askedBy: s.teacher.personId,
			title: 'Skrivaren på lärarrummet skriver inte ut',
			createdAt: new Date('2026-01-05T08:00:00Z')
		});
		const fresh = await buildQuestion(t.db, { organizerId: s.organizerId, askedBy: s.colleague.personId, title: 'Ljudet i klassrummet' });
		const answered = await buildQuestion(t.db, {
			organizerId: s.organizerId,
			askedBy: s.teacher.personId,
			title: 'Skrivaren i biblioteket',
			answeredBy: [s.techKey.personId]
		});
		const ids = async (o: Parameters<typeof findQuestions>[1]) => (await findQuestions(t.db, o)).items.map((i) => i.id);
		const base = { actor: s.teacher, organizerId: s.organizerId };
		expect(await ids({ ...base, filter: 'unanswered' })).toEqual([old.question.id, fresh.question.id]);
		expect(await ids({ ...base, filter: 'mine' })).toEqual([answered.question.id, old.question.id]);
		expect((await ids({ ...base, filter: 'all', query: 'skrivare' })).sort()).toEqual([old.question.id, answered.question.id].sort());
		expect(await ids({ ...base, filter: 'unanswered', query: 'skrivare' })).toEqual([old.question.id]);
		expect(await failure(findQuestions(t.db, { actor: s.student, organizerId: s.organizerId }))).toMatchObject({ code: 'FORBIDDEN' });
	});
});

describe('making an article of the accepted answer', () => {
	it('is refused before an answer is accepted and after the article is made; makes a linked draft once', async () => {
		const s = await setUp();
		const { question, answers } = await buildQuestion(t.db, {
			organizerId: s.organizerId,
			askedBy: s.teacher.personId,
			chain: 'pedagogical',
			title: 'Hur delar jag ut en uppgift till en grupp?',
			body: 'I lärplattformen.',
			answeredBy: [s.pedKey.personId]
		});
		const make = (actor = s.admin) => failure(makeArticleFromAnswer(t.db, { actor, organizerId: s.organizerId, questionId: question.id }));
		expect(await make()).toEqual({ code: 'CONFLICT', issues: [{ field: 'article', message: 'qa_error_not_accepted' }] });
		await acceptAnswer(t.db, { actor: s.teacher, organizerId: s.organizerId, questionId: question.id, answerId: answers[0].id });
		expect(await make(s.teacher)).toMatchObject({ code: 'FORBIDDEN' });
		expect((await getQuestion(t.db, { actor: s.pedKey, organizerId: s.organizerId, questionId: question.id })).canMakeArticle).toBe(true);

		const article = await makeArticleFromAnswer(t.db, { actor: s.pedKey, organizerId: s.organizerId, questionId: question.id });
		expect(article).toMatchObject({
			title: 'Hur delar jag ut en uppgift till en grupp?',
			status: 'draft',
			chain: 'pedagogical',
			audience: 'staff'
		});
		expect(article.body).toContain('I lärplattformen.');
		expect(article.body).toContain(answers[0].body);
		const [linked] = await t.db.select().from(qaQuestions).where(eq(qaQuestions.id, question.id));
		expect(linked.articleId).toBe(article.id);
		expect(await make()).toEqual({ code: 'CONFLICT', issues: [{ field: 'article', message: 'qa_error_article_exists' }] });
		expect(await t.db.select().from(kbArticles).where(eq(kbArticles.organizerId, s.organizerId))).toHaveLength(1);
		const view = await getQuestion(t.db, { actor: s.teacher, organizerId: s.organizerId, questionId: question.id });
		expect(view.article).toEqual({ slug: article.slug, title: article.title });
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, question.id));
		expect(audits.map((a) => a.action)).toContain('qa_question.make_article');
	});
});

describe('similar questions while asking', () => {
	it('suggests earlier questions and published articles, a few at most, never another organizer’s', async () => {
		const s = await setUp();
		const other = await setUp();
		const mine = await buildQuestion(t.db, {
			organizerId: s.organizerId,
			askedBy: s.colleague.personId,
			title: 'Projektorn i aulan har inget ljud',
			answeredBy: [s.techKey.personId],
			accepted: true
		});
		for (let i = 0; i < 4; i++)
			await buildQuestion(t.db, { organizerId: s.organizerId, askedBy: s.colleague.personId, title: `Projektorn i sal ${i} blinkar` });
		await buildQuestion(t.db, { organizerId: other.organizerId, askedBy: other.teacher.personId, title: 'Projektorn ljud aulan' });
		const article = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Så får projektorn ljud', audience: 'staff' });
		await buildArticle(t.db, { organizerId: s.organizerId, title: 'Projektorns ljud (utkast)', status: 'draft', publishedAt: null });
		const found = await suggestSimilarQuestions(t.db, { actor: s.teacher, organizerId: s.organizerId, text: 'projektorn ljud' });
		expect(found.questions.length).toBeLessThanOrEqual(3);
		expect(found.questions[0]).toMatchObject({ id: mine.question.id, accepted: true, answers: 1 });
		expect(found.articles.map((a) => a.id)).toEqual([article.id]);
		expect(await suggestSimilarQuestions(t.db, { actor: s.teacher, organizerId: s.organizerId, text: '  ' })).toEqual({
			questions: [],
			articles: []
		});
		expect(
			await failure(suggestSimilarQuestions(t.db, { actor: s.student, organizerId: s.organizerId, text: 'projektorn' }))
		).toMatchObject({ code: 'FORBIDDEN' });
	});
});
