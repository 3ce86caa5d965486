import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { competenceClasses, competenceMarkings, competencePlans, competenceReflections, competenceSteps } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { schoolYearOf } from '../support/followup/school-years';
import { REFLECTION, REFLECTION_SET, STARTER_PLAN, reflectionLevels, type Stage } from '../competence/competence-rules';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';

export type DemoCompetenceCounts = { steps: number; classes: number; markings: number; reflections: number };

/** Year groups per unit: the F–6 schools, the 7–9 schools, the upper secondary school and the förskolor. */
const CLASSES: Record<string, { stages: Stage[]; letters: string[] }> = {
	solbacka: { stages: ['F', '1', '2', '3', '4', '5', '6'], letters: ['A', 'B'] },
	angsskolan: { stages: ['F', '1', '2', '3', '4', '5', '6'], letters: ['A', 'B'] },
	ronnby: { stages: ['F', '1', '2', '3', '4', '5', '6'], letters: ['A'] },
	granas: { stages: ['F', '1', '2', '3', '4', '5', '6'], letters: ['A', 'B'] },
	kvarnbacka: { stages: ['7', '8', '9'], letters: ['A', 'B', 'C'] },
	akerlund: { stages: ['7', '8', '9'], letters: ['A', 'B'] },
	strandvallen: { stages: ['gy1', 'gy2', 'gy3'], letters: ['NA', 'SA', 'TE'] },
	bjorkhagen: { stages: ['forskola'], letters: ['Ekorren', 'Igelkotten'] },
	ekdalen: { stages: ['forskola'], letters: ['Myran', 'Humlan'] }
};
/** Ängsskolan is visibly behind in the critical aspect: its classes seldom reach those steps. */
const BEHIND = { unit: 'angsskolan', aspect: 'critical' };
/** Solbackaskolan's year 4 has not touched the create step this year (the principal's page shows it untouched). */
const UNTOUCHED = { unit: 'solbacka', stage: '4', aspect: 'create' };
const NOTES = [
	'Vi arbetade i par och visade varandra.',
	'Eleverna gjorde en kort redovisning efteråt.',
	'Kopplat till temaarbetet om vår närmiljö.',
	'Vi använde en övning från självhjälpsbanken.',
	''
];
/** Staff with a reflection, and how many of them reflected twice. */
const REFLECTING = 240;
const TWICE = 60;

const plus = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The progression plan for Exempelkommun (issue 19, decision 053): the starter plan adopted as version 1, classes at
 * nine units, markings over the school year before and the current one so far (Ängsskolan behind in the critical
 * aspect; Solbackaskolan's year 4 without the create step this year), and about 300 reflections by 240 staff, 60
 * of them twice with some progress. Dates follow today, so the current school year always has markings. Inserted in
 * bulk without audit, as the rest of the demo.
 */
export async function buildDemoCompetence(tx: Db, demo: DemoOrganizer, random: Random): Promise<DemoCompetenceCounts> {
	const organizerId = demo.organizerId;
	const planId = randomUUID();
	await tx.insert(competencePlans).values({ id: planId, organizerId, version: 1, source: `${STARTER_PLAN.key}@${STARTER_PLAN.version}` });
	const steps = STARTER_PLAN.steps.map((s, i) => ({
		id: randomUUID(),
		organizerId,
		planId,
		stepKey: s.key,
		stage: s.stage,
		aspect: s.aspect,
		position: i,
		text: s.text,
		contentNote: s.contentNote ?? ''
	}));
	await tx.insert(competenceSteps).values(steps);

	const classes = Object.entries(CLASSES).flatMap(([key, c]) =>
		demo.units[key]
			? c.stages.flatMap((stage) =>
					c.letters.map((letter) => ({
						id: randomUUID(),
						organizerId,
						unitId: demo.units[key],
						unitKey: key,
						stage,
						name: stage === 'forskola' ? letter : `${stage.replace('gy', '')}${letter}`
					}))
				)
			: []
	);
	if (classes.length) await tx.insert(competenceClasses).values(classes.map(({ unitKey: _unitKey, ...c }) => c));

	const today = todayInStockholm();
	const current = schoolYearOf(today);
	const last = schoolYearOf(`${Number(current.from.slice(0, 4)) - 1}-08-01`);
	const markings: (typeof competenceMarkings.$inferInsert)[] = [];
	for (const year of [last, current]) {
		const first = `${year.from.slice(0, 4)}-08-20`;
		const end = [`${year.to.slice(0, 4)}-06-10`, today].sort()[0];
		const span = Math.round((Date.parse(end) - Date.parse(first)) / 86_400_000);
		if (span <= 0) continue;
		const thisYear = year === current;
		for (const c of classes) {
			const teachers = demo.people.staff.filter((p) => p.unitKey === c.unitKey);
			if (!teachers.length) continue;
			for (const step of steps.filter((s) => s.stage === c.stage)) {
				if (thisYear && c.unitKey === UNTOUCHED.unit && c.stage === UNTOUCHED.stage && step.aspect === UNTOUCHED.aspect) continue;
				const behind = c.unitKey === BEHIND.unit && step.aspect === BEHIND.aspect;
				// The current year is only partly done: fewer steps so far.
				const p = (behind ? 0.1 : 0.75) * (thisYear ? 0.6 : 1);
				if (!random.chance(p)) continue;
				markings.push({
					organizerId,
					planId,
					stepId: step.id,
					classId: c.id,
					unitId: c.unitId,
					stage: c.stage,
					workedOn: plus(first, random.int(0, span)),
					note: random.pick(NOTES),
					markedBy: random.pick(teachers).id
				});
			}
		}
	}
	for (let i = 0; i < markings.length; i += 1000) await tx.insert(competenceMarkings).values(markings.slice(i, i + 1000));

	const items = REFLECTION.areas.flatMap((a) => a.items.map((i) => i.key));
	const staff = random.shuffle(demo.people.staff).slice(0, REFLECTING);
	const reflections: (typeof competenceReflections.$inferInsert)[] = [];
	staff.forEach((person, n) => {
		const base = random.int(0, 3);
		const times = n < TWICE ? 2 : 1;
		for (let k = 0; k < times; k++) {
			const answers = Object.fromEntries(items.map((key) => [key, Math.max(0, Math.min(4, base + k + random.int(-1, 1)))]));
			const { levels, overall } = reflectionLevels(answers);
			const day = plus(k === 0 ? `${last.from.slice(0, 4)}-09-15` : current.from.slice(0, 4) + '-09-15', random.int(0, 60));
			reflections.push({
				organizerId,
				personId: person.id,
				itemSet: REFLECTION_SET,
				answers,
				levels,
				overall,
				createdAt: new Date(`${[day, today].sort()[0]}T10:00:00Z`)
			});
		}
	});
	if (reflections.length) await tx.insert(competenceReflections).values(reflections);
	return { steps: steps.length, classes: classes.length, markings: markings.length, reflections: reflections.length };
}
