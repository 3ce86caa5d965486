// Covers: adoptStarterPlan, createPlanVersion, saveStep, getPlan, getStudentSteps, createClass, markStep, withdrawMarking,
// loadMarkingPage, computeCoverage (getUnitCoverage, compareUnitCoverage, coverageShare), submitReflection,
// findMyReflections, getReflection, aggregateReflections.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildCompetenceClass, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { auditEvents, competenceMarkings, organizers, planningChainSteps, planningEffectChains, planningIndicators } from '../db/schema';
import { computeIndicators } from '../planning/effects/compute-indicators';
import { recentSchoolYears } from '../support/followup/school-years';
import { todayInStockholm } from '../auth/load-actor';
import { ROLES } from '../policies/roles';
import { isAppError } from '../errors';
import { adoptStarterPlan } from './adopt-starter-plan';
import { createPlanVersion } from './create-plan-version';
import { saveStep } from './save-step';
import { getPlan } from './get-plan';
import { getStudentSteps } from './get-student-steps';
import { createClass } from './create-class';
import { markStep } from './mark-step';
import { withdrawMarking } from './withdraw-marking';
import { loadMarkingPage } from './load-marking-page';
import { getUnitCoverage } from './get-unit-coverage';
import { compareUnitCoverage } from './compare-unit-coverage';
import { coverageShare } from './coverage-share';
import { coverageYear } from './school-year';
import { submitReflection } from './submit-reflection';
import { findMyReflections } from './find-my-reflections';
import { getReflection } from './get-reflection';
import { aggregateReflections } from './aggregate-reflections';
import { REFLECTION, STARTER_PLAN } from './competence-rules';

const t = useTestDatabase();
const YEAR = coverageYear('2025/26', '2026-01-15');
const TODAY = '2026-03-01';

/** The field and message of the AppError a promise rejects with. */
async function refusal(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		if (isAppError(e)) return { code: e.code, field: e.issues[0]?.field, message: e.issues[0]?.message };
		throw e;
	}
	throw new Error('expected a refusal');
}

/** An organizer with the starter plan, two schools, a teacher and a principal at the first, a teacher at the second. */
async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const org = organizer.id;
	const north = await buildUnit(t.db, { organizerId: org, name: 'Norrskolan' });
	const south = await buildUnit(t.db, { organizerId: org, name: 'Söderskolan' });
	const editor = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: org }]);
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org }]);
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: north.id }]);
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: north.id }]);
	const southTeacher = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: south.id }]);
	const plan = await adoptStarterPlan(t.db, { actor: editor, organizerId: org });
	const { steps } = await getPlan(t.db, { actor: teacher, organizerId: org });
	const year4 = steps.filter((s) => s.stage === '4');
	return { org, north, south, editor, admin, teacher, principal, southTeacher, plan, steps, year4 };
}

const mark = (actor: Awaited<ReturnType<typeof buildActor>>, org: string, classId: string, stepId: string, workedOn = '2025-10-01') =>
	markStep(t.db, {
		actor,
		organizerId: org,
		input: { classId, stepId, workedOn, note: 'Vi gjorde en övning' },
		today: workedOn > TODAY ? workedOn : TODAY
	});

describe('progression plan', () => {
	it('adopts the starter plan once, as version 1 with every shipped step, and audits it', async () => {
		const s = await setUp();
		expect(s.plan.version).toBe(1);
		expect(s.steps).toHaveLength(STARTER_PLAN.steps.length);
		expect(await refusal(adoptStarterPlan(t.db, { actor: s.admin, organizerId: s.org }))).toMatchObject({
			code: 'CONFLICT',
			message: 'competence_error_plan_exists'
		});
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.org), eq(auditEvents.action, 'competence.plan.adopt')));
		expect(audit).toHaveLength(1);
	});

	it('lets only central pedagogical support and administrators edit, and shows everyone a year in plain language', async () => {
		const s = await setUp();
		expect(
			(await refusal(saveStep(t.db, { actor: s.principal, organizerId: s.org, input: { stage: '4', aspect: 'tools', text: 'x' } }))).code
		).toBe('FORBIDDEN');
		const added = await saveStep(t.db, {
			actor: s.editor,
			organizerId: s.org,
			input: { stage: '4', aspect: 'tools', text: 'Jag kan göra en tabell.' }
		});
		const student = await buildActor(t.db, [{ role: 'student', organizerId: s.org, unitId: s.north.id }]);
		const year = await getStudentSteps(t.db, { actor: student, organizerId: s.org, stage: '4' });
		expect(year.map((x) => x.id)).toContain(added.id);
		expect(year.every((x) => x.stage === '4')).toBe(true);
		expect((await refusal(getPlan(t.db, { actor: student, organizerId: s.org }))).code).toBe('FORBIDDEN');
	});

	it('copies a version with its steps; an old version cannot be edited or marked, with a message and nothing written', async () => {
		const s = await setUp();
		const klass = await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.north.id, stage: '4', name: '4B' });
		const old = await mark(s.teacher, s.org, klass.id, s.year4[0].id);
		const v2 = await createPlanVersion(t.db, { actor: s.editor, organizerId: s.org, note: 'Ny termin' });
		expect(v2.version).toBe(2);
		const { steps: copied } = await getPlan(t.db, { actor: s.teacher, organizerId: s.org });
		expect(copied).toHaveLength(s.steps.length);
		expect(copied.map((c) => c.id)).not.toContain(s.year4[0].id);
		expect(await refusal(mark(s.teacher, s.org, klass.id, s.year4[1].id))).toMatchObject({
			field: 'stepId',
			message: 'competence_error_old_version'
		});
		expect(
			await refusal(
				saveStep(t.db, {
					actor: s.editor,
					organizerId: s.org,
					stepId: s.year4[1].id,
					input: { stage: '4', aspect: 'tools', text: 'Ändrad' }
				})
			)
		).toMatchObject({ message: 'competence_error_old_version' });
		const rows = await t.db.select().from(competenceMarkings).where(eq(competenceMarkings.classId, klass.id));
		expect(rows.map((r) => r.id)).toEqual([old.id]);
		expect(rows[0].planId).toBe(s.plan.id);
		const { plan: first, steps: firstSteps } = await getPlan(t.db, { actor: s.teacher, organizerId: s.org, version: 1 });
		expect(first).toMatchObject({ version: 1, current: false });
		expect(firstSteps.map((x) => x.id)).toContain(s.year4[0].id);
	});
});

describe('markings', () => {
	it('refuses a class of a unit where the teacher has no role, beside the class field, and writes nothing', async () => {
		const s = await setUp();
		const southClass = await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.south.id, stage: '4' });
		expect(await refusal(mark(s.teacher, s.org, southClass.id, s.year4[0].id))).toMatchObject({
			code: 'INVALID',
			field: 'classId',
			message: 'competence_error_class_not_yours'
		});
		expect(
			await refusal(createClass(t.db, { actor: s.teacher, organizerId: s.org, input: { unitId: s.south.id, stage: '4', name: '4C' } }))
		).toMatchObject({
			field: 'unitId',
			message: 'competence_error_unit_not_yours'
		});
		expect(await t.db.select().from(competenceMarkings).where(eq(competenceMarkings.classId, southClass.id))).toHaveLength(0);
	});

	it('refuses a step of another year group and a day in the future', async () => {
		const s = await setUp();
		const klass = await createClass(t.db, { actor: s.teacher, organizerId: s.org, input: { unitId: s.north.id, stage: '4', name: '4B' } });
		const year5 = s.steps.find((x) => x.stage === '5')!;
		expect(await refusal(mark(s.teacher, s.org, klass.id, year5.id))).toMatchObject({
			field: 'stepId',
			message: 'competence_error_step_stage'
		});
		const future = { classId: klass.id, stepId: s.year4[0].id, workedOn: '2026-03-02' };
		expect(await refusal(markStep(t.db, { actor: s.teacher, organizerId: s.org, input: future, today: TODAY }))).toMatchObject({
			field: 'workedOn',
			message: 'competence_error_date_future'
		});
	});

	it('lets a teacher withdraw their own marking but not a colleague’s', async () => {
		const s = await setUp();
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: s.org, unitId: s.north.id }]);
		const klass = await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.north.id, stage: '4' });
		const m = await mark(s.teacher, s.org, klass.id, s.year4[0].id);
		expect((await refusal(withdrawMarking(t.db, { actor: colleague, organizerId: s.org, markingId: m.id }))).code).toBe('NOT_FOUND');
		expect((await loadMarkingPage(t.db, { actor: s.teacher, organizerId: s.org })).markings.map((x) => x.id)).toEqual([m.id]);
		await withdrawMarking(t.db, { actor: s.teacher, organizerId: s.org, markingId: m.id });
		expect((await loadMarkingPage(t.db, { actor: s.teacher, organizerId: s.org })).markings).toHaveLength(0);
	});
});

describe('coverage', () => {
	it('shows per year group and aspect which steps some class touched and which none did, for the school year only', async () => {
		const s = await setUp();
		const a = await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.north.id, stage: '4', name: '4A' });
		const b = await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.north.id, stage: '4', name: '4B' });
		await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.north.id, stage: '7', name: '7A' });
		const tools4 = s.year4.filter((x) => x.aspect === 'tools');
		const society4 = s.year4.filter((x) => x.aspect === 'society');
		await mark(s.teacher, s.org, a.id, tools4[0].id);
		await mark(s.teacher, s.org, b.id, tools4[0].id);
		await mark(s.teacher, s.org, b.id, society4[0].id);
		await mark(s.teacher, s.org, a.id, tools4[0].id, '2025-06-15'); // the year before: does not count
		const withdrawn = await mark(s.teacher, s.org, a.id, society4[0].id === society4.at(-1)!.id ? tools4[0].id : society4.at(-1)!.id);
		await withdrawMarking(t.db, { actor: s.teacher, organizerId: s.org, markingId: withdrawn.id });

		const page = await getUnitCoverage(t.db, { actor: s.principal, organizerId: s.org, unitId: s.north.id, year: YEAR });
		expect(page.coverage!.stages).toEqual(['4', '7']);
		const cell = (stage: string, aspect: string) => page.coverage!.cells.find((c) => c.stage === stage && c.aspect === aspect)!;
		expect(cell('4', 'tools')).toMatchObject({
			steps: tools4.length,
			touched: [tools4[0].id],
			untouched: tools4.slice(1).map((x) => x.id)
		});
		expect(cell('4', 'society').touched).toEqual([society4[0].id]);
		expect(cell('4', 'critical').touched).toEqual([]);
		expect(cell('7', 'tools').touched).toEqual([]);
		expect(cell('7', 'tools').untouched.length).toBeGreaterThan(0);
		// Last year: only the June marking.
		const last = await getUnitCoverage(t.db, {
			actor: s.principal,
			organizerId: s.org,
			unitId: s.north.id,
			year: coverageYear('2024/25', TODAY)
		});
		expect(last.coverage!.cells.find((c) => c.stage === '4' && c.aspect === 'tools')!.touched).toEqual([tools4[0].id]);

		const year4Steps = s.year4.length;
		const year7Steps = s.steps.filter((x) => x.stage === '7').length;
		expect(await coverageShare(t.db, { organizerId: s.org, unitId: s.north.id, aspect: null, year: YEAR })).toBeCloseTo(
			2 / (year4Steps + year7Steps)
		);
		expect(await coverageShare(t.db, { organizerId: s.org, unitId: s.north.id, aspect: 'tools', year: YEAR })).toBeCloseTo(
			1 / (tools4.length + s.steps.filter((x) => x.stage === '7' && x.aspect === 'tools').length)
		);
	});

	it('is a computed indicator in planning: the unit’s share per school year, for one aspect', async () => {
		const s = await setUp();
		const klass = await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.north.id, stage: '9' });
		const tools9 = s.steps.filter((x) => x.stage === '9' && x.aspect === 'tools');
		expect(tools9.length).toBe(2);
		// The indicator shows the three school years up to today: mark in the two before the current one.
		const [, last, before] = recentSchoolYears(todayInStockholm(), 3);
		const start = Number(last.from.slice(0, 4));
		await mark(s.teacher, s.org, klass.id, tools9[0].id, `${start}-09-01`);
		await mark(s.teacher, s.org, klass.id, tools9[1].id, `${start + 1}-02-01`);
		await mark(s.teacher, s.org, klass.id, tools9[0].id, `${start}-05-01`);
		const [chain] = await t.db.insert(planningEffectChains).values({ organizerId: s.org, unitId: s.north.id, title: 'Kedja' }).returning();
		const [step] = await t.db
			.insert(planningChainSteps)
			.values({ organizerId: s.org, chainId: chain.id, kind: 'effect', text: 'Effekt' })
			.returning();
		await t.db
			.insert(planningIndicators)
			.values({ organizerId: s.org, stepId: step.id, name: 'Täckning verktyg', kind: 'competence_coverage', params: { aspect: 'tools' } });
		const [view] = await computeIndicators(t.db, { organizerId: s.org, unitId: s.north.id, stepIds: [step.id] });
		expect(view.history.map((p) => p.label)).toEqual([before.key, last.key, recentSchoolYears(todayInStockholm(), 1)[0].key]);
		expect(view.format).toBe('share');
		const byYear = Object.fromEntries(view.history.map((p) => [p.label, p.value]));
		expect(byYear[before.key]).toBeCloseTo(0.5);
		expect(byYear[last.key]).toBeCloseTo(1);
	});

	it('lets a principal read their own units only, and the organizer compare units side by side', async () => {
		const s = await setUp();
		const north = await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.north.id, stage: '4' });
		await buildCompetenceClass(t.db, { organizerId: s.org, unitId: s.south.id, stage: '4' });
		await mark(s.teacher, s.org, north.id, s.year4[0].id);
		const page = await getUnitCoverage(t.db, { actor: s.principal, organizerId: s.org, unitId: null, year: YEAR });
		expect(page.units.map((u) => u.id)).toEqual([s.north.id]);
		expect((await refusal(getUnitCoverage(t.db, { actor: s.principal, organizerId: s.org, unitId: s.south.id, year: YEAR }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await refusal(compareUnitCoverage(t.db, { actor: s.principal, organizerId: s.org, year: YEAR }))).code).toBe('FORBIDDEN');
		const rows = await compareUnitCoverage(t.db, { actor: s.admin, organizerId: s.org, year: YEAR });
		expect(rows.map((r) => r.name)).toEqual(['Söderskolan', 'Norrskolan']);
		expect(rows[0].total).toBe(0);
		expect(rows[1].total).toBeCloseTo(1 / s.year4.length);
	});
});

describe('reflection', () => {
	const answers = (v: number) => Object.fromEntries(REFLECTION.areas.flatMap((a) => a.items.map((i) => [i.key, String(v)])));

	it('is never readable by anyone but its person, whatever their role; repeated ones show progress', async () => {
		const s = await setUp();
		await submitReflection(t.db, { actor: s.teacher, organizerId: s.org, input: answers(1) });
		const second = await submitReflection(t.db, { actor: s.teacher, organizerId: s.org, input: answers(4) });
		const mine = await findMyReflections(t.db, { actor: s.teacher, organizerId: s.org });
		expect(mine.map((r) => r.overall)).toEqual([6, 2]);
		expect((await getReflection(t.db, { actor: s.teacher, organizerId: s.org, reflectionId: second.id })).overall).toBe(6);
		for (const role of ROLES) {
			const other = await buildActor(t.db, [{ role, organizerId: role === 'system_admin' ? null : s.org, unitId: null }]);
			expect((await refusal(getReflection(t.db, { actor: other, organizerId: s.org, reflectionId: second.id }))).code).toBe('NOT_FOUND');
			if (role !== 'system_admin' && role !== 'student' && role !== 'guardian' && role !== 'supplier')
				expect(await findMyReflections(t.db, { actor: other, organizerId: s.org })).toEqual([]);
		}
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, second.id));
		expect(audit[0].changes).toEqual({});
	});

	it('refuses a reflection with an unanswered item beside that item', async () => {
		const s = await setUp();
		const input = answers(2);
		delete input[REFLECTION.areas[2].items[1].key];
		expect(await refusal(submitReflection(t.db, { actor: s.teacher, organizerId: s.org, input }))).toMatchObject({
			field: REFLECTION.areas[2].items[1].key,
			message: 'competence_error_answer'
		});
	});

	it('aggregates everyone’s newest reflection per area only from the anonymity threshold', async () => {
		const s = await setUp();
		await t.db
			.update(organizers)
			.set({ settings: { anonymityThreshold: 3 } })
			.where(eq(organizers.id, s.org));
		const people = await Promise.all([0, 1].map(() => buildActor(t.db, [{ role: 'staff', organizerId: s.org, unitId: s.north.id }])));
		await submitReflection(t.db, { actor: people[0], organizerId: s.org, input: answers(0) });
		await submitReflection(t.db, { actor: people[1], organizerId: s.org, input: answers(4) });
		await submitReflection(t.db, { actor: people[1], organizerId: s.org, input: answers(4) });
		const below = await aggregateReflections(t.db, { actor: s.admin, organizerId: s.org });
		expect(below).toEqual({ people: 2, threshold: 3, shown: false, areas: [] });
		expect((await refusal(aggregateReflections(t.db, { actor: s.principal, organizerId: s.org }))).code).toBe('FORBIDDEN');
		await submitReflection(t.db, { actor: s.teacher, organizerId: s.org, input: answers(2) });
		const shown = await aggregateReflections(t.db, { actor: s.admin, organizerId: s.org });
		expect(shown.people).toBe(3);
		expect(shown.areas).toHaveLength(6);
		expect(shown.areas[0].levels).toEqual([1, 0, 0, 1, 0, 1]);
		expect(shown.areas[0].mean).toBeCloseTo((1 + 4 + 6) / 3);
	});
});
