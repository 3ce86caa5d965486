// Covers: changeSurveyQuestions, surveysWaitingColumn (through validateSessionActor), createSurvey (custom and student_progression templates), sendSurvey (students; no questions), countMySurveys, surveyResultsXlsx.
import { desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditEvents, outbox, surveyInvitations, surveys } from '../../db/schema';
import { isAppError } from '../../errors';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../../tests/factories';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { adoptStarterPlan } from '../../competence/adopt-starter-plan';
import { changeSurveyQuestions } from './change-survey-questions';
import { closeSurvey } from './close-survey';
import { createSurvey } from './create-survey';
import { countMySurveys } from './find-my-surveys';
import { createSession, validateSessionActor } from '../../auth/sessions';
import { getSurveyResults } from './get-survey-results';
import { presentSurveyResults } from './present-survey-results';
import { sendSurvey } from './send-survey';
import { submitSurveyAnswers } from './submit-survey-answers';
import { surveyResultsSheet } from './survey-results-sheet';
import { surveyResultsXlsx } from './survey-results-xlsx';

const t = useTestDatabase();

async function tokenFor(email: string) {
	const [mail] = await t.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).limit(1);
	const found = /\/enkat\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '');
	if (!found) throw new Error(`no survey link mailed to ${email}`);
	return found[1];
}

async function setup() {
	const organizer = await buildOrganizer(t.db, { settings: { anonymityThreshold: 3 } });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	return { organizer, admin, unit };
}

const scale = {
	kind: 'scale',
	sv: 'Hur nöjd är du med dagen?',
	en: 'How happy are you with the day?',
	min: '1',
	max: '4',
	minLabelSv: 'Inte alls',
	minLabelEn: 'Not at all',
	maxLabelSv: 'Mycket',
	maxLabelEn: 'Very'
};

describe('own questions on a survey', () => {
	it('adds choice, scale and free-text questions in both languages, moves and removes them, and audits each change', async () => {
		const { organizer, admin, unit } = await setup();
		const survey = await createSurvey(t.db, { actor: admin, organizerId: organizer.id, input: { template: 'custom', unitIds: [unit.id] } });
		expect(survey.kind).toBe('custom');
		expect(survey.questions).toEqual([]);
		expect(survey.seriesKey).toBeNull();
		const change = (c: Parameters<typeof changeSurveyQuestions>[1]['change']) =>
			changeSurveyQuestions(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id, change: c });
		await change({ op: 'add', values: scale });
		await change({
			op: 'add',
			values: { kind: 'choice', sv: 'Vilken dag?', en: 'Which day?', optionsSv: 'Måndag\n\nTisdag\n', optionsEn: 'Monday\nTuesday' }
		});
		let qs = await change({ op: 'add', values: { kind: 'text', sv: 'Något mer?', en: 'Anything else?' } });
		expect(qs.map((q) => q.kind)).toEqual(['scale', 'choice', 'text']);
		expect(qs[0]).toMatchObject({ min: 1, max: 4, minLabel: { sv: 'Inte alls', en: 'Not at all' } });
		expect(qs[1]).toMatchObject({
			options: [
				{ key: 'o1', sv: 'Måndag', en: 'Monday' },
				{ key: 'o2', sv: 'Tisdag', en: 'Tuesday' }
			]
		});
		expect(new Set(qs.map((q) => q.key)).size).toBe(3);
		qs = await change({ op: 'move', key: qs[2].key, direction: 'up' });
		expect(qs.map((q) => q.kind)).toEqual(['scale', 'text', 'choice']);
		qs = await change({ op: 'remove', key: qs[0].key });
		expect(qs.map((q) => q.kind)).toEqual(['text', 'choice']);
		// A new question never takes the key of one removed: answers are stored by key.
		qs = await change({ op: 'add', values: scale });
		expect(qs.map((q) => q.key)).not.toContain('own1');
		const [row] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
		expect(row.questions).toEqual(qs);
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, survey.id));
		expect(audits.filter((a) => a.action === 'survey.questions')).toHaveLength(6);
	});

	it('refuses a bad question beside its field, someone without surveys.manage, and any change once the survey is sent', async () => {
		const { organizer, admin, unit } = await setup();
		await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] });
		const survey = await createSurvey(t.db, { actor: admin, organizerId: organizer.id, input: { template: 'custom', unitIds: [unit.id] } });
		const change = (values: Record<string, string>) =>
			changeSurveyQuestions(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id, change: { op: 'add', values } }).catch(
				(e) => e
			);
		const fields = async (values: Record<string, string>) => {
			const e = await change(values);
			return isAppError(e) ? e.issues.map((i) => i.field).sort() : e;
		};
		expect(await fields({ kind: 'poll', sv: 'x', en: 'x' })).toEqual(['kind']);
		expect(await fields({ kind: 'text', sv: ' ', en: '' })).toEqual(['en', 'sv']);
		expect(await fields({ kind: 'choice', sv: 'a', en: 'a', optionsSv: 'Bara ett', optionsEn: 'Only one' })).toEqual(['optionsSv']);
		expect(await fields({ kind: 'choice', sv: 'a', en: 'a', optionsSv: 'Ett\nTvå', optionsEn: 'One' })).toEqual(['optionsEn']);
		expect(await fields({ ...scale, min: '3', max: '11', maxLabelEn: '' })).toEqual(['max', 'maxLabelEn', 'min']);
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id }]);
		await expect(
			changeSurveyQuestions(t.db, { actor: teacher, organizerId: organizer.id, surveyId: survey.id, change: { op: 'add', values: scale } })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		// Nothing was written, and a survey without questions is not sent.
		const [row] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
		expect(row.questions).toEqual([]);
		await expect(sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
		await change(scale);
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		expect(await change(scale)).toMatchObject({ code: 'CONFLICT' });
		const other = await buildOrganizer(t.db);
		const otherAdmin = await buildActor(t.db, [{ role: 'org_admin', organizerId: other.id }]);
		await expect(
			changeSurveyQuestions(t.db, { actor: otherAdmin, organizerId: other.id, surveyId: survey.id, change: { op: 'remove', key: 'own1' } })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('the student survey tied to the progression plan', () => {
	it("asks the chosen year group's steps in plain words, goes to the units' students only, and forms a series per year group", async () => {
		const { organizer, admin, unit } = await setup();
		const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: organizer.id, unitId: unit.id }] });
		const teacher = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] });
		const create = (stage: string) =>
			createSurvey(t.db, {
				actor: admin,
				organizerId: organizer.id,
				input: { template: 'student_progression', stage, unitIds: [unit.id] }
			}).catch((e) => e);
		// No plan yet: refused beside the year group.
		expect((await create('4')).issues.map((i: { field: string }) => i.field)).toEqual(['stage']);
		await adoptStarterPlan(t.db, { actor: admin, organizerId: organizer.id });
		expect((await create('')).issues.map((i: { field: string }) => i.field)).toEqual(['stage']);
		const survey = await create('4');
		expect(survey.kind).toBe('student_progression');
		expect(survey.seriesKey).toBe('student_progression:4');
		expect(survey.titleSv).toContain('åk 4');
		const steps = survey.questions.filter((q: { kind: string }) => q.kind === 'scale');
		expect(steps.length).toBeGreaterThan(0);
		expect(steps[0].sv).toMatch(/^Hur säker känner du dig på det här\? /);
		expect(survey.questions.at(-1).kind).toBe('text');
		const { invited } = await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		expect(invited).toBe(1);
		const invitations = await t.db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, survey.id));
		expect(invitations.map((i) => i.personId)).toEqual([student.id]);
		expect(invitations.map((i) => i.personId)).not.toContain(teacher.id);
	});
});

describe('the header hint and the XLSX export', () => {
	it('counts the open surveys waiting for a person until they answer', async () => {
		const { organizer, admin, unit } = await setup();
		const person = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] });
		// The request hook reads the same count with the session (the header needs no statement of its own).
		const { token } = await createSession(t.db, { personId: person.id, method: 'test', days: 14 });
		const withSession = async () => (await validateSessionActor(t.db, token, 14))!.surveysWaiting;
		expect(await countMySurveys(t.db, person.id)).toBe(0);
		expect(await withSession()).toBe(0);
		const survey = await createSurvey(t.db, {
			actor: admin,
			organizerId: organizer.id,
			input: { template: 'support_quality', unitIds: [unit.id] }
		});
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		expect(await countMySurveys(t.db, person.id)).toBe(1);
		expect(await withSession()).toBe(1);
		await submitSurveyAnswers(t.db, {
			token: await tokenFor(person.email),
			values: { q_reach: '4', q_speed: '4', q_teaching: '3', q_selfhelp: '2', q_channel: 'case' }
		});
		expect(await countMySurveys(t.db, person.id)).toBe(0);
		expect(await withSession()).toBe(0);
	});

	it('holds exactly the cells of the page: a hidden group is written as hidden, never its figures or free text', async () => {
		const { organizer, admin } = await setup();
		const big = await buildUnit(t.db, { organizerId: organizer.id });
		const small = await buildUnit(t.db, { organizerId: organizer.id });
		const people = [];
		for (const [unitId, n] of [
			[big.id, 4],
			[small.id, 1]
		] as const)
			for (let i = 0; i < n; i++) people.push(await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId }] }));
		const survey = await createSurvey(t.db, {
			actor: admin,
			organizerId: organizer.id,
			input: { template: 'support_quality', unitIds: [big.id, small.id] }
		});
		await sendSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		for (const p of people)
			await submitSurveyAnswers(t.db, {
				token: await tokenFor(p.email),
				values: { q_reach: '5', q_speed: '4', q_teaching: '3', q_selfhelp: '2', q_channel: 'case', q_improve: `Hemlig text ${p.id}` }
			});
		await closeSurvey(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id });
		const view = presentSurveyResults(await getSurveyResults(t.db, { actor: admin, organizerId: organizer.id, surveyId: survey.id }));
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await surveyResultsXlsx(view, 'sv')) as unknown as ArrayBuffer);
		const ws = book.worksheets[0];
		const cells: unknown[][] = [];
		ws.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
		const { head, rows } = surveyResultsSheet(view, 'sv');
		expect(cells[2]).toEqual(head);
		expect(cells.slice(3)).toEqual(rows.map((r) => r.map((c) => (c === null ? 'visas inte' : c))));
		// The small unit (one answer, under the threshold of three) is hidden, and so is the big one's complement.
		expect(rows.some((r) => r.slice(2).every((c) => c === null))).toBe(true);
		expect(JSON.stringify(cells)).not.toContain('Hemlig text');
	});
});
