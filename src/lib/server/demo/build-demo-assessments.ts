import { randomUUID } from 'node:crypto';
import { rebuildItemStats } from '../assessment/reports/item-stats';
import type { Db } from '../db';
import {
	assessmentAnswers,
	assessmentConclusions,
	assessmentConsensus,
	assessmentResponses,
	assessmentRoundUnits,
	assessmentRounds
} from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { hashToken } from '../auth/tokens';
import { getFramework } from '../assessment/framework/get-framework';
import { listItems } from '../assessment/framework/list-items';
import { PERSPECTIVES } from '../assessment/framework/framework-schema';
import type { DemoOrganizer } from './build-demo-organizer';
import { DEMO_COMMENTS, DEMO_EVIDENCE, DEMO_NOTES, DEMO_ORGANIZER_CONCLUSION } from './demo-assessment-texts';
import { addDays, drawAnswer, medianLevel, planUnitProfile, respondentCount } from './plan-demo-answers';
import type { Random } from './random';

const FRAMEWORK = { key: 'nationella-strategin', version: '2026.1' };
/** Rows per INSERT: big enough to be quick on PGlite, far below PostgreSQL's parameter limit. */
const CHUNK = 1000;

export type DemoAssessmentCounts = { rounds: number; responses: number; answers: number; consensus: number; conclusions: number };

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** A moment on a random day between two YYYY-MM-DD days, during the school day. */
function momentBetween(random: Random, from: string, to: string): Date {
	const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
	return new Date(
		`${addDays(from, random.int(0, span))}T${String(random.int(7, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`
	);
}

/**
 * Three rounds of the national framework for every school unit of the demo: two closed a year
 * apart and one open now (dates relative to `today`, so it stays open). Anonymous answers from
 * every perspective, drawn so that units differ and mostly improve; comments; consensus at most
 * units in the closed rounds; and the organizer's conclusion for the oldest round.
 */
export async function buildDemoAssessments(
	tx: Db,
	demo: DemoOrganizer,
	random: Random,
	today = todayInStockholm()
): Promise<DemoAssessmentCounts> {
	const organizerId = demo.organizerId;
	const framework = await getFramework(FRAMEWORK.key, FRAMEWORK.version);
	const items = listItems(framework);
	const subGoalIds = [...new Set(items.map((i) => i.subGoalId))];
	const schools = demo.unitPlans.filter((u) => u.schoolUnitCode);
	const profiles = new Map(schools.map((u) => [u.key, planUnitProfile(random, subGoalIds)]));
	const leader = demo.people.leadership[0]?.id ?? null;

	const plans = [2, 1, 0].map((yearsAgo, roundIndex) => {
		const opensOn = addDays(today, -10 - 365 * yearsAgo);
		return { roundIndex, open: yearsAgo === 0, id: randomUUID(), opensOn, closesOn: addDays(today, 35 - 365 * yearsAgo) };
	});
	await tx.insert(assessmentRounds).values(
		plans.map((p) => ({
			id: p.id,
			organizerId,
			name: `Självskattning digitalisering ${p.opensOn.slice(0, 4)}`,
			frameworkKey: FRAMEWORK.key,
			frameworkVersion: FRAMEWORK.version,
			perspectives: [...PERSPECTIVES],
			opensOn: p.opensOn,
			closesOn: p.closesOn,
			createdBy: leader,
			createdAt: new Date(`${addDays(p.opensOn, -14)}T09:00:00Z`)
		}))
	);
	await tx
		.insert(assessmentRoundUnits)
		.values(plans.flatMap((p) => schools.map((u) => ({ roundId: p.id, unitId: demo.units[u.key], organizerId }))));

	const responses: (typeof assessmentResponses.$inferInsert)[] = [];
	const answers: (typeof assessmentAnswers.$inferInsert)[] = [];
	const consensus: (typeof assessmentConsensus.$inferInsert)[] = [];
	for (const round of plans) {
		const lastDay = round.open ? today : round.closesOn;
		const agreeing = new Set(random.shuffle(schools.map((u) => u.key)).slice(0, round.open ? 0 : schools.length - 2));
		for (const unit of schools) {
			const profile = profiles.get(unit.key)!;
			const teamLevels = new Map<string, number[]>();
			for (const perspective of PERSPECTIVES) {
				const planned = respondentCount(random, perspective, unit.schoolTypes);
				const submitted = round.open ? Math.round(planned * 0.55) : planned;
				const started = round.open ? Math.round(planned * 0.15) : 0;
				const own = items.filter((i) => (i.perspectives as string[]).includes(perspective));
				for (let r = 0; r < submitted + started; r++) {
					const done = r < submitted;
					const id = randomUUID();
					const at = momentBetween(random, round.opensOn, lastDay);
					responses.push({
						id,
						organizerId,
						roundId: round.id,
						unitId: demo.units[unit.key],
						perspective,
						resumeTokenHash: hashToken(randomUUID()),
						submittedAt: done ? at : null,
						createdAt: at,
						updatedAt: at
					});
					const leaning = (random.next() - 0.5) * 0.8;
					for (const item of done ? own : own.slice(0, Math.ceil(own.length / 2))) {
						const a = drawAnswer(random, { profile, roundIndex: round.roundIndex, subGoalId: item.subGoalId, perspective, leaning });
						const comment = random.chance(0.04) ? random.pick(DEMO_COMMENTS) : null;
						answers.push({ responseId: id, organizerId, itemKey: item.key, level: a.level, special: a.special, comment, updatedAt: at });
						if (done && a.level && perspective !== 'students') teamLevels.set(item.key, [...(teamLevels.get(item.key) ?? []), a.level]);
					}
				}
			}
			if (!agreeing.has(unit.key)) continue;
			const decidedBy = demo.people.principal.find((p) => p.unitKey === unit.parentKey || p.unitKey === unit.key)?.id ?? null;
			for (const item of items) {
				const level = medianLevel(teamLevels.get(item.key) ?? []);
				consensus.push({
					roundId: round.id,
					unitId: demo.units[unit.key],
					organizerId,
					itemKey: item.key,
					level,
					special: level === null ? 'dont_know' : null,
					evidence: random.pick(DEMO_EVIDENCE),
					note: random.chance(0.15) ? random.pick(DEMO_NOTES) : '',
					decidedBy,
					decidedAt: new Date(`${addDays(round.closesOn, random.int(3, 20))}T13:00:00Z`)
				});
			}
		}
	}
	await insertChunked(responses, (c) => tx.insert(assessmentResponses).values(c));
	await insertChunked(answers, (c) => tx.insert(assessmentAnswers).values(c));
	for (const plan of plans) await rebuildItemStats(tx, plan.id);
	await insertChunked(consensus, (c) => tx.insert(assessmentConsensus).values(c));
	await tx.insert(assessmentConclusions).values({
		organizerId,
		roundId: plans[0].id,
		unitId: null,
		summary: DEMO_ORGANIZER_CONCLUSION,
		createdBy: leader,
		createdAt: new Date(`${addDays(plans[0].closesOn, 30)}T10:00:00Z`)
	});
	return { rounds: plans.length, responses: responses.length, answers: answers.length, consensus: consensus.length, conclusions: 1 };
}
