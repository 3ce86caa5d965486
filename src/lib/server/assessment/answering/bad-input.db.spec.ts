// Covers: saveAnswers, startResponse, submitResponse.
/**
 * The issue's bad-input list for answering: a closed round, a reused anonymous link after
 * submission, an out-of-range level and a tampered unit id each get a clear error, and the
 * database is exactly as it was (responses, answers, the report's running sums, the audit log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import {
	assessmentAnswers,
	assessmentItemStats,
	assessmentLinks,
	assessmentResponses,
	assessmentRounds,
	auditEvents
} from '../../db/schema';
import { getRoundItems } from '../rounds/round-items';
import type { Respondent } from './respondent';
import { saveAnswers } from './save-answers';
import { startResponse } from './start-response';
import { submitResponse } from './submit-response';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

async function setup() {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const round = await buildRound(h.db, { organizer, units: [unit] });
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
	const token = `token-${Math.random().toString(36).slice(2)}`;
	await h.db
		.insert(assessmentLinks)
		.values({ organizerId: organizer.id, roundId: round.id, unitId: unit.id, perspective: 'students', token });
	/** Everything answering can write for this round, to compare before and after. */
	const snapshot = async () => ({
		responses: await h.db
			.select()
			.from(assessmentResponses)
			.where(eq(assessmentResponses.roundId, round.id))
			.orderBy(assessmentResponses.id),
		answers: await h.db
			.select()
			.from(assessmentAnswers)
			.where(eq(assessmentAnswers.organizerId, organizer.id))
			.orderBy(assessmentAnswers.responseId, assessmentAnswers.itemKey),
		stats: await h.db
			.select()
			.from(assessmentItemStats)
			.where(eq(assessmentItemStats.roundId, round.id))
			.orderBy(assessmentItemStats.itemKey),
		audits: await h.db.select().from(auditEvents).where(eq(auditEvents.organizerId, organizer.id)).orderBy(auditEvents.id)
	});
	return { organizer, unit, round, actor, items, me, token, snapshot };
}

const failure = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e) => ({ code: e.code, message: e.message, issues: e.issues })
	);

describe('bad input while answering changes nothing', () => {
	it('refuses saving and submitting once the round has been closed, with the round-not-open message', async () => {
		const s = await setup();
		await startResponse(h.db, { respondent: s.me });
		await saveAnswers(h.db, { respondent: s.me, answers: [{ itemKey: s.items[0].key, value: '2', comment: 'Före stängning' }] });
		await h.db.update(assessmentRounds).set({ closedAt: new Date() }).where(eq(assessmentRounds.id, s.round.id));
		const before = await s.snapshot();
		const closed = { code: 'CONFLICT', message: 'answer_error_round_not_open', issues: [] };
		expect(await failure(saveAnswers(h.db, { respondent: s.me, answers: [{ itemKey: s.items[0].key, value: '4', comment: '' }] }))).toEqual(
			closed
		);
		expect(await failure(submitResponse(h.db, { respondent: s.me }))).toEqual(closed);
		expect(await failure(startResponse(h.db, { respondent: { kind: 'link', token: s.token, resumeToken: null } }))).toEqual(closed);
		expect(await s.snapshot()).toEqual(before);
	});

	it('refuses the same browser on a reused anonymous link after it has submitted, changing neither answers nor sums', async () => {
		const s = await setup();
		const { items } = await getRoundItems(h.db, s.round, 'students');
		const first = await startResponse(h.db, { respondent: { kind: 'link', token: s.token, resumeToken: null } });
		const browser = { kind: 'link' as const, token: s.token, resumeToken: first.resumeToken };
		await saveAnswers(h.db, { respondent: browser, answers: [{ itemKey: items[0].key, value: '3', comment: '' }] });
		await submitResponse(h.db, { respondent: browser });
		const before = await s.snapshot();
		const submitted = { code: 'CONFLICT', message: 'answer_error_already_submitted', issues: [] };
		expect(
			await failure(saveAnswers(h.db, { respondent: browser, answers: [{ itemKey: items[0].key, value: '1', comment: '' }] }))
		).toEqual(submitted);
		expect(await failure(submitResponse(h.db, { respondent: browser }))).toEqual(submitted);
		expect(await s.snapshot()).toEqual(before);
		expect(before.stats.map((x) => [x.itemKey, x.n, x.sum])).toEqual([[items[0].key, 1, 3]]);
	});

	it('refuses a level outside 1–4 (0, 5, 2.5, a word) naming each item, and keeps the saved answer', async () => {
		const s = await setup();
		await startResponse(h.db, { respondent: s.me });
		await saveAnswers(h.db, { respondent: s.me, answers: [{ itemKey: s.items[0].key, value: '2', comment: '' }] });
		const before = await s.snapshot();
		const bad = ['0', '5', '2.5', 'alltid'];
		const e = await failure(
			saveAnswers(h.db, { respondent: s.me, answers: bad.map((value, i) => ({ itemKey: s.items[i].key, value, comment: '' })) })
		);
		expect(e?.code).toBe('INVALID');
		expect(e?.issues).toEqual(bad.map((_, i) => ({ field: `answer.${s.items[i].key}`, message: 'answer_error_value' })));
		expect(await s.snapshot()).toEqual(before);
	});

	it('does not find a tampered unit id: another unit of the organizer, another organizer’s unit, or no id at all', async () => {
		const s = await setup();
		const sibling = await buildUnit(h.db, { organizerId: s.organizer.id });
		const foreign = await buildUnit(h.db);
		const before = await s.snapshot();
		for (const unitId of [sibling.id, foreign.id, 'inte-ett-id', '']) {
			expect((await failure(startResponse(h.db, { respondent: { ...s.me, unitId } })))?.code).toBe('NOT_FOUND');
			expect(
				(
					await failure(
						saveAnswers(h.db, { respondent: { ...s.me, unitId }, answers: [{ itemKey: s.items[0].key, value: '2', comment: '' }] })
					)
				)?.code
			).toBe('NOT_FOUND');
		}
		expect(await s.snapshot()).toEqual(before);
		expect(await h.db.select().from(assessmentResponses).where(eq(assessmentResponses.unitId, foreign.id))).toEqual([]);
	});
});
