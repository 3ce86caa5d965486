// Covers: getResponseProgress, saveAnswers, startResponse, submitResponse, getAnswerStart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentAnswers, assessmentItemStats, assessmentLinks, assessmentResponses, auditEvents } from '../../db/schema';
import { getRoundItems } from '../rounds/round-items';
import { getResponseProgress } from './get-response-progress';
import type { Respondent } from './respondent';
import { saveAnswers } from './save-answers';
import { startResponse } from './start-response';
import { submitResponse } from './submit-response';
import { getAnswerStart } from './get-answer-start';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

/** A round open today at one school, a principal there, and the leadership items. */
async function setup(dates: { opensOn?: string; closesOn?: string } = {}) {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const other = await buildUnit(h.db, { organizerId: organizer.id });
	const round = await buildRound(h.db, { organizer, units: [unit], ...dates });
	const actor = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const { items } = await getRoundItems(h.db, round, 'leadership');
	const me: Respondent = {
		kind: 'person',
		actor,
		organizerId: organizer.id,
		roundId: round.id,
		unitId: unit.id,
		perspective: 'leadership'
	};
	return { organizer, unit, other, round, actor, items, me };
}

const answersOf = (responseId: string) => h.db.select().from(assessmentAnswers).where(eq(assessmentAnswers.responseId, responseId));

async function linkFor(round: { id: string; organizerId: string }, unitId: string, perspective = 'students') {
	const token = `token-${Math.random().toString(36).slice(2)}`;
	await h.db.insert(assessmentLinks).values({ organizerId: round.organizerId, roundId: round.id, unitId, perspective, token });
	return token;
}

describe('answering as a signed-in person', () => {
	it('saves a page, and resuming shows the same answers and progress', async () => {
		const { me, items } = await setup();
		const { response } = await startResponse(h.db, { respondent: me });
		await saveAnswers(h.db, {
			respondent: me,
			answers: [
				{ itemKey: items[0].key, value: '3', comment: 'Vi har en plan.' },
				{ itemKey: items[1].key, value: 'dont_know', comment: '' },
				{ itemKey: items[2].key, value: '', comment: '' }
			]
		});
		const again = await startResponse(h.db, { respondent: me });
		expect(again.response.id).toBe(response.id);
		const p = await getResponseProgress(h.db, { respondent: me });
		expect(p.answers[items[0].key]).toEqual({ value: '3', comment: 'Vi har en plan.' });
		expect(p.answers[items[1].key]).toEqual({ value: 'dont_know', comment: '' });
		expect(p.answered).toBe(2);
		expect(p.total).toBe(items.length);
	});

	it('changes an answer when the page is saved again', async () => {
		const { me, items } = await setup();
		const { response } = await startResponse(h.db, { respondent: me });
		await saveAnswers(h.db, { respondent: me, answers: [{ itemKey: items[0].key, value: '1', comment: '' }] });
		await saveAnswers(h.db, { respondent: me, answers: [{ itemKey: items[0].key, value: 'not_applicable', comment: 'Inte hos oss' }] });
		const rows = await answersOf(response.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ level: null, special: 'not_applicable', comment: 'Inte hos oss' });
	});

	it('locks the response once submitted, and audits the submit without any answer', async () => {
		const { me, items, round, actor } = await setup();
		const { response } = await startResponse(h.db, { respondent: me });
		await saveAnswers(h.db, { respondent: me, answers: [{ itemKey: items[0].key, value: '4', comment: 'Hemlig kommentar' }] });
		await submitResponse(h.db, { respondent: me });
		const e = await saveAnswers(h.db, { respondent: me, answers: [{ itemKey: items[0].key, value: '1', comment: '' }] }).catch((x) => x);
		expect(e.code).toBe('CONFLICT');
		expect((await submitResponse(h.db, { respondent: me }).catch((x) => x)).code).toBe('CONFLICT');
		expect((await answersOf(response.id))[0].level).toBe(4);
		const stats = await h.db.select().from(assessmentItemStats).where(eq(assessmentItemStats.roundId, round.id));
		expect(stats.map((s) => [s.itemKey, s.n, s.sum])).toEqual([[items[0].key, 1, 4]]);
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'assessment.submit'), eq(auditEvents.entityId, round.id)));
		expect(event.actorId).toBe(actor.personId);
		expect(JSON.stringify(event.changes)).not.toContain('Hemlig');
		expect(JSON.stringify(event.changes)).not.toContain(response.id);
	});

	it('refuses an unknown item key or an out-of-range level and writes nothing', async () => {
		const { me, items } = await setup();
		const { response } = await startResponse(h.db, { respondent: me });
		await saveAnswers(h.db, { respondent: me, answers: [{ itemKey: items[0].key, value: '2', comment: '' }] });
		const before = await answersOf(response.id);
		const e = await saveAnswers(h.db, {
			respondent: me,
			answers: [
				{ itemKey: items[0].key, value: '3', comment: '' },
				{ itemKey: 'ns.hittat-pa', value: '2', comment: '' },
				{ itemKey: items[1].key, value: '5', comment: '' },
				{ itemKey: items[2].key, value: '2', comment: 'x'.repeat(2001) }
			]
		}).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([
			{ field: 'answer.ns.hittat-pa', message: 'answer_error_unknown_item' },
			{ field: `answer.${items[1].key}`, message: 'answer_error_value' },
			{ field: `comment.${items[2].key}`, message: 'answer_error_comment_too_long' }
		]);
		expect(await answersOf(response.id)).toEqual(before);
	});

	it('refuses an item only another perspective answers', async () => {
		const { organizer, unit, round } = await setup();
		const staff = await buildActor(h.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
		const me: Respondent = {
			kind: 'person',
			actor: staff,
			organizerId: organizer.id,
			roundId: round.id,
			unitId: unit.id,
			perspective: 'staff'
		};
		const mine = new Set((await getRoundItems(h.db, round, 'staff')).items.map((i) => i.key));
		const leadershipOnly = (await getRoundItems(h.db, round, 'leadership')).items.find((i) => !mine.has(i.key))!;
		const { response } = await startResponse(h.db, { respondent: me });
		const e = await saveAnswers(h.db, { respondent: me, answers: [{ itemKey: leadershipOnly.key, value: '2', comment: '' }] }).catch(
			(x) => x
		);
		expect(e.issues).toEqual([{ field: `answer.${leadershipOnly.key}`, message: 'answer_error_unknown_item' }]);
		expect(await answersOf(response.id)).toEqual([]);
	});

	it('refuses a closed or upcoming round with a clear error', async () => {
		const closed = await setup({ opensOn: '2020-01-01', closesOn: '2020-02-01' });
		expect((await startResponse(h.db, { respondent: closed.me }).catch((x) => x)).message).toBe('answer_error_round_not_open');
		const upcoming = await setup({ opensOn: '2098-01-01', closesOn: '2098-02-01' });
		expect((await startResponse(h.db, { respondent: upcoming.me }).catch((x) => x)).code).toBe('CONFLICT');
		expect(await h.db.select().from(assessmentResponses).where(eq(assessmentResponses.roundId, closed.round.id))).toEqual([]);
	});

	it('refuses a unit outside the round, a malformed unit id, and a person without a perspective there', async () => {
		const { me, other, organizer, round, unit } = await setup();
		expect((await startResponse(h.db, { respondent: { ...me, unitId: other.id } }).catch((x) => x)).code).toBe('NOT_FOUND');
		expect((await startResponse(h.db, { respondent: { ...me, unitId: 'inte-ett-id' } }).catch((x) => x)).code).toBe('NOT_FOUND');
		expect((await startResponse(h.db, { respondent: { ...me, perspective: 'students' } }).catch((x) => x)).code).toBe('NOT_FOUND');
		const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		const e = await getAnswerStart(h.db, { actor: admin, organizerId: organizer.id, roundId: round.id, unitId: unit.id }).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
	});

	it('offers each perspective the person holds at the unit that the round asks', async () => {
		const { organizer, unit, round } = await setup();
		const actor = await buildActor(h.db, [
			{ role: 'principal', organizerId: organizer.id, unitId: unit.id },
			{ role: 'staff', organizerId: organizer.id, unitId: unit.id }
		]);
		const start = await getAnswerStart(h.db, { actor, organizerId: organizer.id, roundId: round.id, unitId: unit.id });
		expect(start.perspectives.map((p) => p.perspective).sort()).toEqual(['leadership', 'staff']);
	});
});

describe('answering through an anonymous link', () => {
	it('resumes the same response with the resume token and starts a new one without it', async () => {
		const { round, unit } = await setup();
		const token = await linkFor(round, unit.id);
		const first = await startResponse(h.db, { respondent: { kind: 'link', token, resumeToken: null } });
		expect(first.resumeToken).toBeTruthy();
		expect(first.response.personId).toBeNull();
		expect(first.response.resumeTokenHash).not.toBe(first.resumeToken);
		const browser = { kind: 'link' as const, token, resumeToken: first.resumeToken };
		const { items } = await getRoundItems(h.db, round, 'students');
		await saveAnswers(h.db, { respondent: browser, answers: [{ itemKey: items[0].key, value: '2', comment: '' }] });
		const resumed = await startResponse(h.db, { respondent: browser });
		expect(resumed.response.id).toBe(first.response.id);
		expect(resumed.resumeToken).toBeNull();
		expect((await getResponseProgress(h.db, { respondent: browser })).answered).toBe(1);

		const second = await startResponse(h.db, { respondent: { kind: 'link', token, resumeToken: 'en-annan-webblasare' } });
		expect(second.response.id).not.toBe(first.response.id);
		expect((await getResponseProgress(h.db, { respondent: { kind: 'link', token, resumeToken: second.resumeToken } })).answered).toBe(0);
	});

	it('after submitting, the same browser is refused while a new browser can still answer', async () => {
		const { round, unit } = await setup();
		const token = await linkFor(round, unit.id);
		const first = await startResponse(h.db, { respondent: { kind: 'link', token, resumeToken: null } });
		const browser = { kind: 'link' as const, token, resumeToken: first.resumeToken };
		await submitResponse(h.db, { respondent: browser });
		expect((await getResponseProgress(h.db, { respondent: browser })).context.response?.submittedAt).toBeTruthy();
		expect((await saveAnswers(h.db, { respondent: browser, answers: [] }).catch((x) => x)).code).toBe('CONFLICT');
		const next = await startResponse(h.db, { respondent: { kind: 'link', token, resumeToken: null } });
		expect(next.response.submittedAt).toBeNull();
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'assessment.submit'), eq(auditEvents.entityId, round.id)));
		expect(event.actorId).toBeNull();
	});

	it('refuses a tampered token', async () => {
		const { round, unit } = await setup();
		const token = await linkFor(round, unit.id);
		const e = await startResponse(h.db, { respondent: { kind: 'link', token: token + 'x', resumeToken: null } }).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
		expect(
			(await startResponse(h.db, { respondent: { kind: 'link', token: 'x'.repeat(500), resumeToken: null } }).catch((x) => x)).code
		).toBe('NOT_FOUND');
	});
});
