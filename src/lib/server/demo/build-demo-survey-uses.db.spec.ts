// Covers: buildDemoSurveyUses, buildDemoGuidanceHistory (through loadDemo, read as the survey pages and the one picture read them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import type { DbHandle } from '../db';
import { guidanceBookings, guidanceSessions, surveyInvitations, surveys } from '../db/schema';
import { loadActor, todayInStockholm } from '../auth/load-actor';
import { getSurveyResults } from '../followup/surveys/get-survey-results';
import { countGuidance } from '../knowledge/guidance/count-guidance';
import { recentSchoolYears } from '../support/followup/school-years';
import { loadDemo, type LoadDemoResult } from './load-demo';

let h: DbHandle;
let loaded: LoadDemoResult;
beforeAll(async () => {
	h = await createTestDatabase();
	loaded = await loadDemo(h.db);
}, 360_000);
afterAll(() => h.close());

const demo = () => {
	if (!loaded.created) throw new Error('the demo was not created');
	return loaded.demo;
};
const admin = async () => (await loadActor(h.db, demo().people.org_admin[0].id))!;
const ofKind = (kind: 'guidance_feedback' | 'student_progression') =>
	h.db
		.select()
		.from(surveys)
		.where(and(eq(surveys.organizerId, demo().organizerId), eq(surveys.kind, kind)));

describe('the demo’s newer survey uses', () => {
	it('holds guidance in both school years, so 1.3 counts sessions and seats this year and last', async () => {
		for (const year of recentSchoolYears(todayInStockholm(), 2)) {
			const g = await countGuidance(h.db, { organizerId: demo().organizerId, from: year.from, to: year.to });
			expect(g.held, year.key).toBeGreaterThan(10);
			expect(g.attended, year.key).toBeGreaterThan(g.held);
		}
	});

	it('answers the feedback after guidance per unit and month: shown where enough answered, hidden elsewhere', async () => {
		const standing = await ofKind('guidance_feedback');
		expect(standing.map((s) => s.seriesKey).sort()).toEqual(['guidance:drop_in', 'guidance:one_to_one']);
		const dropIn = standing.find((s) => s.seriesKey === 'guidance:drop_in')!;
		const results = await getSurveyResults(h.db, { actor: await admin(), organizerId: demo().organizerId, surveyId: dropIn.id });
		expect(results.periods.length).toBeGreaterThanOrEqual(12);
		const shown = results.groups.filter((g) => g.respondents !== null);
		const hidden = results.groups.filter((g) => g.respondents === null);
		expect(shown.length).toBeGreaterThan(10);
		expect(hidden.length).toBeGreaterThan(5);
		expect(shown.every((g) => g.respondents! >= results.threshold && g.means.helped !== null)).toBe(true);
		expect(results.periodTotals.filter((t) => t.respondents !== null).length).toBe(results.periods.length);
		// Every invitation is for a booking of a session that had ended, at most one per booking, sent after the end.
		const sent = await h.db
			.select({ sentAt: surveyInvitations.sentAt, endsAt: guidanceSessions.endsAt, bookingId: surveyInvitations.bookingId })
			.from(surveyInvitations)
			.innerJoin(guidanceBookings, eq(guidanceBookings.id, surveyInvitations.bookingId))
			.innerJoin(guidanceSessions, eq(guidanceSessions.id, guidanceBookings.sessionId))
			.where(eq(surveyInvitations.surveyId, dropIn.id));
		expect(sent.length).toBeGreaterThan(100);
		expect(sent.every((r) => r.sentAt > r.endsAt)).toBe(true);
		expect(new Set(sent.map((r) => r.bookingId)).size).toBe(sent.length);
		const rate = results.rates.reduce((s, r) => s + r.answered, 0) / results.rates.reduce((s, r) => s + r.invited, 0);
		expect(rate).toBeGreaterThan(0.5);
		expect(rate).toBeLessThan(0.85);
	});

	it('runs the student survey per year group over two school years, the older year-8 round below the threshold at one school', async () => {
		const rounds = await ofKind('student_progression');
		expect(rounds.map((r) => r.seriesKey).sort()).toEqual([
			'student_progression:8',
			'student_progression:8',
			'student_progression:gy1',
			'student_progression:gy1'
		]);
		expect(rounds.every((r) => r.status === 'closed' && r.questions.some((q) => q.kind === 'scale'))).toBe(true);
		const year8 = rounds
			.filter((r) => r.seriesKey === 'student_progression:8')
			.sort((a, b) => a.closedAt!.getTime() - b.closedAt!.getTime());
		const read = async (id: string) => getSurveyResults(h.db, { actor: await admin(), organizerId: demo().organizerId, surveyId: id });
		const [older, newer] = [await read(year8[0].id), await read(year8[1].id)];
		expect(newer.overTime.map((r) => r.id)).toEqual(year8.map((r) => r.id));
		const cell = (res: typeof older, key: string) => res.groups.find((g) => g.unitId === demo().units[key])?.respondents;
		// Older: four answered at Åkerlundsskolan, so both schools are hidden and only the total of ten shows.
		expect([cell(older, 'akerlund'), cell(older, 'kvarnbacka'), older.periodTotals[0].respondents]).toEqual([null, null, 10]);
		expect([cell(newer, 'akerlund'), cell(newer, 'kvarnbacka'), newer.periodTotals[0].respondents]).toEqual([5, 7, 12]);
		expect(newer.groups.every((g) => Object.values(g.means).every((m) => m === null || (m >= 1 && m <= 4)))).toBe(true);
	});
});
