// Covers: createSurvey, sendSurvey, getSurveyForm, submitSurveyAnswers, closeSurvey, getSurveyResults, sendSurveyReminders, findMySurveys, openMySurvey.
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, surveyAnswers, surveyInvitations, surveyResponses } from '../../db/schema';
import { isAppError } from '../../errors';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../../tests/factories';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { closeSurvey } from './close-survey';
import { createSurvey } from './create-survey';
import { findMySurveys } from './find-my-surveys';
import { findSurveys } from './find-surveys';
import { getSurveyForm } from './get-survey-form';
import { getSurveyResults } from './get-survey-results';
import { openMySurvey } from './open-my-survey';
import { presentSurveyResults } from './present-survey-results';
import { surveyResultsCsv } from './survey-results-csv';
import { sendSurvey } from './send-survey';
import { sendSurveyReminders } from './send-survey-reminders';
import { submitSurveyAnswers } from './submit-survey-answers';

const t = useTestDatabase();
const DAY = 86_400_000;

/** The one-use link of the newest mail to an address, as the recipient reads it. */
async function tokenFor(email: string) {
	const [mail] = await t.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).limit(1);
	const found = /\/enkat\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '');
	if (!found) throw new Error(`no survey link mailed to ${email}`);
	return found[1];
}

const answers = (helped: number, extra: Record<string, string> = {}) => ({
	q_reach: String(helped),
	q_speed: '4',
	q_teaching: '3',
	q_selfhelp: '2',
	q_channel: 'case',
	...extra
});

async function setup(sizes: number[]) {
	const organizer = await buildOrganizer(t.db, { settings: { anonymityThreshold: 3 } });
	const admin = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const units = [];
	const staff: { email: string; unitId: string }[][] = [];
	for (const n of sizes) {
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		units.push(unit);
		const people = [];
		for (let i = 0; i < n; i++) {
			const p = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] });
			people.push({ email: p.email, unitId: unit.id, id: p.id });
		}
		staff.push(people);
	}
	const survey = await createSurvey(t.db, {
		actor: admin,
		organizerId: organizer.id,
		input: { template: 'support_quality', unitIds: units.map((u) => u.id), anonymous: 'anonymous' }
	});
	return { organizer, admin, units, staff, survey };
}

describe('surveys: create, send, answer, close', () => {
	it('refuses a survey from someone without surveys.manage, and units that are not the organizer’s beside the field', async () => {
		const { organizer } = await setup([1]);
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id }]);
		await expect(
			createSurvey(t.db, { actor: teacher, organizerId: organizer.id, input: { template: 'support_quality', unitIds: [] } })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		const other = await buildUnit(t.db);
		const e = await createSurvey(t.db, {
			actor: admin,
			organizerId: organizer.id,
			input: { template: 'support_quality', unitIds: [other.id], maxReminders: '9' }
		}).catch((x) => x);
		expect(isAppError(e) && e.issues.map((i) => i.field).sort()).toEqual(['maxReminders']);
		const e2 = await createSurvey(t.db, {
			actor: admin,
			organizerId: organizer.id,
			input: { template: 'support_quality', unitIds: [other.id] }
		}).catch((x) => x);
		expect(e2).toMatchObject({ code: 'INVALID', issues: [{ field: 'unitIds', message: 'survey_error_units' }] });
	});

	it('invites each staff member once with a one-use link, keeps anonymous answers apart from the person, and refuses a second use', async () => {
		const { organizer, admin, staff, survey } = await setup([2]);
		const { invited } = await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		expect(invited).toBe(2);
		// The list counts the same invitations (and no answers yet).
		const listed = (await findSurveys(t.db, { actor: admin, organizerId: organizer.id })).surveys.find((s) => s.id === survey.id);
		expect(listed).toMatchObject({ invited: 2, answered: 0 });
		const token = await tokenFor(staff[0][0].email);
		expect(await getSurveyForm(t.db, token)).toMatchObject({ state: 'open', survey: { anonymous: true } });
		// Bad input: a message per field, nothing saved.
		const bad = await submitSurveyAnswers(t.db, { token, values: { q_reach: '7', q_improve: 'x'.repeat(2001) } }).catch((x) => x);
		expect(bad.code).toBe('INVALID');
		expect(bad.issues.map((i: { field: string }) => i.field).sort()).toEqual([
			'q_channel',
			'q_improve',
			'q_reach',
			'q_selfhelp',
			'q_speed',
			'q_teaching'
		]);
		await submitSurveyAnswers(t.db, { token, values: answers(5, { q_improve: 'Fler kurser' }) });
		await expect(submitSurveyAnswers(t.db, { token, values: answers(5) })).rejects.toMatchObject({ code: 'CONFLICT' });
		expect((await getSurveyForm(t.db, token)).state).toBe('answered');
		const responses = await t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id));
		expect(responses).toHaveLength(1);
		expect(responses[0].personId).toBeNull();
		// The response row has no column that names the invitation, the person or a time.
		expect(Object.keys(responses[0]).sort()).toEqual(['id', 'organizerId', 'period', 'personId', 'surveyId', 'unitId']);
		const saved = await t.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, responses[0].id));
		expect(saved.find((a) => a.questionKey === 'improve')?.text).toBe('Fler kurser');
		await expect(getSurveyForm(t.db, 'not-a-token')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('shows no results before the close, then suppresses small units and anything that would give them away', async () => {
		const { organizer, admin, units, staff, survey } = await setup([4, 2, 3]);
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		for (const people of staff)
			for (const p of people)
				await submitSurveyAnswers(t.db, { token: await tokenFor(p.email), values: answers(4, { q_improve: `från ${p.unitId}` }) });
		const open = await getSurveyResults(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		expect(open.published).toBe(false);
		expect(open.groups).toEqual([]);
		expect(open.rates.map((r) => r.answered).sort()).toEqual([2, 3, 4]);
		await closeSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		const r = await getSurveyResults(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		const byUnit = new Map(r.groups.map((g) => [g.unitId, g]));
		// k = 3: the unit of 2 is hidden, and so is one more group, or the total would give it away.
		expect(byUnit.get(units[1].id)).toMatchObject({ respondents: null, texts: { improve: [] } });
		expect(byUnit.get(units[1].id)!.means.reach).toBeNull();
		const shownUnits = r.groups.filter((g) => g.respondents !== null).length;
		const totalShown = r.periodTotals[0].respondents !== null;
		expect(shownUnits + (totalShown ? 1 : 0)).toBeLessThanOrEqual(2);
		// Free text only for a shown group, never for the total.
		for (const g of r.groups)
			if (g.respondents !== null)
				expect(g.texts.improve).toEqual([`från ${g.unitId}`, ...Array(g.respondents - 1).fill(`från ${g.unitId}`)]);
		expect(r.periodTotals[0].texts.improve ?? []).toEqual([]);
		// The export holds exactly the page's suppressed figures and no free text.
		const csv = surveyResultsCsv(presentSurveyResults(r), 'sv');
		const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
		expect(lines).toHaveLength(1 + r.groups.length + 1);
		const small = lines.find((l) => l.startsWith(`${units[1].name};`))!;
		expect(
			small
				.split(';')
				.slice(2)
				.every((cell) => cell === '')
		).toBe(true);
		expect(csv).not.toContain('från ');
	});

	it('shows a principal only their own units’ results', async () => {
		const { organizer, admin, units, staff, survey } = await setup([3, 3]);
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		for (const people of staff)
			for (const p of people) await submitSurveyAnswers(t.db, { token: await tokenFor(p.email), values: answers(3) });
		await closeSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		const principal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: units[0].id }]);
		const r = await getSurveyResults(t.db, { actor: principal, organizerId: organizer.id, surveyId: survey.id });
		expect(r.groups.map((g) => g.unitId)).toEqual([units[0].id]);
		expect(r.rates.map((g) => g.unitId)).toEqual([units[0].id]);
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: units[0].id }]);
		await expect(getSurveyResults(t.db, { actor: teacher, organizerId: organizer.id, surveyId: survey.id })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
	});

	it('shows the closed rounds of the same recurring survey over time, each suppressed on its own', async () => {
		const { organizer, admin, units, staff, survey } = await setup([3]);
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		for (const p of staff[0]) await submitSurveyAnswers(t.db, { token: await tokenFor(p.email), values: answers(5) });
		await closeSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		const next = await createSurvey(t.db, {
			actor: admin,
			organizerId: organizer.id,
			input: { template: 'support_quality', unitIds: [units[0].id], anonymous: 'anonymous' }
		});
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: next.id });
		await submitSurveyAnswers(t.db, { token: await tokenFor(staff[0][0].email), values: answers(1) });
		await closeSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: next.id });
		const r = await getSurveyResults(t.db, { actor: admin, organizerId: organizer.id, surveyId: next.id });
		const mine = r.overTime.filter((x) => x.id === survey.id || x.id === next.id);
		expect(mine.map((x) => x.total.respondents)).toEqual([3, null]);
		expect(mine[1].total.mean).toBeNull();
		expect(mine[0].total.mean).toBeCloseTo((5 + 4 + 3 + 2) / 4);
	});

	it('reminds non-respondents a week apart with a new link, at most the survey’s number of times', async () => {
		const { organizer, admin, staff, survey } = await setup([2]);
		const start = new Date('2026-03-02T08:00:00Z');
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id, now: start });
		const first = await tokenFor(staff[0][0].email);
		await submitSurveyAnswers(t.db, { token: await tokenFor(staff[0][1].email), values: answers(2) });
		expect((await sendSurveyReminders(t.db, new Date(start.getTime() + 3 * DAY), { organizerId: organizer.id })).sent).toBe(0);
		expect((await sendSurveyReminders(t.db, new Date(start.getTime() + 8 * DAY), { organizerId: organizer.id })).sent).toBe(1);
		const second = await tokenFor(staff[0][0].email);
		expect(second).not.toBe(first);
		await expect(getSurveyForm(t.db, first)).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await sendSurveyReminders(t.db, new Date(start.getTime() + 9 * DAY), { organizerId: organizer.id })).sent).toBe(0);
		expect((await sendSurveyReminders(t.db, new Date(start.getTime() + 16 * DAY), { organizerId: organizer.id })).sent).toBe(1);
		// Two reminders (the default) and no more.
		expect((await sendSurveyReminders(t.db, new Date(start.getTime() + 40 * DAY), { organizerId: organizer.id })).sent).toBe(0);
		const [inv] = await t.db
			.select()
			.from(surveyInvitations)
			.where(and(eq(surveyInvitations.surveyId, survey.id), eq(surveyInvitations.remindersSent, 2)));
		expect(inv).toBeTruthy();
	});

	it('lists a person’s open invitations in the app and opens one with a fresh link only for its owner', async () => {
		const { organizer, admin, staff, survey } = await setup([1]);
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		const [inv] = await t.db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, survey.id));
		const { loadActor } = await import('../../auth/load-actor');
		const me = (await loadActor(t.db, inv.personId))!;
		expect((await findMySurveys(t.db, { actor: me })).map((s) => s.id)).toEqual([inv.id]);
		await expect(openMySurvey(t.db, { actor: admin, invitationId: inv.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		const token = await openMySurvey(t.db, { actor: me, invitationId: inv.id });
		await submitSurveyAnswers(t.db, { token, values: answers(5) });
		expect(await findMySurveys(t.db, { actor: me })).toEqual([]);
		expect(staff[0][0].email).toBeTruthy();
	});
});
