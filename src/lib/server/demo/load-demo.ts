/**
 * The demo organizer "Exempelkommun" for `npm run demo` (RODTRAD_DEMO=1).
 *
 * How it fits together:
 * - plan-demo.ts: a pure plan from a seed (random.ts, mulberry32): units (demo-units.ts)
 *   and people with their roles (plan-demo-people.ts, names.ts). Same seed, same plan.
 * - build-demo-organizer.ts: inserts a plan in bulk and returns a DemoOrganizer: unit ids
 *   by key ('solbacka', 'ro-norr' …) and people by role (`people.principal`, `people.staff` …,
 *   each with the unitKey they work at).
 * - loadDemo (here): one transaction, idempotent on the slug, one `demo.load` audit event.
 *
 * To extend the demo (self-assessments, support tickets …): write
 * `build-demo-<thing>.ts` exporting `buildDemo<Thing>(tx, demo: DemoOrganizer, random: Random)`
 * that inserts through the schema with bulk inserts, and call it below after
 * buildDemoOrganizer with a random source seeded from `seed + <a fixed offset>` so that adding
 * one generator does not change the names the others produce. Count what it made in the
 * audit event's `changes`. Keep the whole load under about ten seconds on PGlite (bulk inserts in chunks).
 */
import { eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../db';
import { organizers, passwordCredentials, people, units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password';
import { buildDemoOrganizer, type DemoOrganizer, type DemoSignIn } from './build-demo-organizer';
import { buildDemoAssessments } from './build-demo-assessments';
import { buildDemoSupport } from './build-demo-support';
import { buildDemoPlans } from './build-demo-plans';
import { buildDemoVision } from './build-demo-vision';
import { buildDemoForums } from './build-demo-forums';
import { buildDemoCycles } from './build-demo-cycles';
import { buildDemoEffects } from './build-demo-effects';
import { buildDemoNotifications } from './build-demo-notifications';
import { buildDemoKnowledge } from './build-demo-knowledge';
import { buildDemoGuidance } from './build-demo-guidance';
import { buildDemoQuestions } from './build-demo-questions';
import { buildDemoApps } from './build-demo-apps';
import { buildDemoUnitSizes } from './build-demo-unit-sizes';
import { buildDemoCapacity } from './build-demo-capacity';
import { buildDemoDevices } from './build-demo-devices';
import { buildDemoCompetence } from './build-demo-competence';
import { buildDemoCourses } from './build-demo-courses';
import { buildDemoComparisons } from './build-demo-comparisons';
import { buildDemoBoardReports } from './build-demo-board-reports';
import { createRandom } from './random';
import { buildDemoSurveys } from './build-demo-surveys';
import { buildDemoGuidanceHistory } from './build-demo-guidance-history';
import { buildDemoSurveyUses } from './build-demo-survey-uses';
import { backfillTicketIndex } from '../support/tickets/backfill-ticket-index';
import { backfillLeadTimes } from '../support/lead-times/backfill-lead-times';
import { DEFAULT_DEMO_SEED, DEMO_SLUG, planDemo } from './plan-demo';

/** The shared password of the demo sign-ins (documented in README.md). */
export const DEMO_PASSWORD = 'rodtrad-demo-2026';

/** Seed offsets of the generators after buildDemoOrganizer, so one does not shift another's data. */
const ASSESSMENT_SEED_OFFSET = 4;
const SUPPORT_SEED_OFFSET = 5;
const PLANS_SEED_OFFSET = 6;
const VISION_SEED_OFFSET = 8;
const FORUMS_SEED_OFFSET = 9;
const CYCLES_SEED_OFFSET = 10;
const EFFECTS_SEED_OFFSET = 11;
const KNOWLEDGE_SEED_OFFSET = 12;
const COMPETENCE_SEED_OFFSET = 19;
const COURSES_SEED_OFFSET = 58;
const SURVEYS_SEED_OFFSET = 59;
const GUIDANCE_HISTORY_SEED_OFFSET = 60;
const SURVEY_USES_SEED_OFFSET = 61;

export type LoadDemoResult = { created: true; demo: DemoOrganizer; signIns: DemoSignIn[] } | { created: false; signIns: DemoSignIn[] };

const demoExists = async (db: Db) =>
	(await db.select({ id: organizers.id }).from(organizers).where(eq(organizers.slug, DEMO_SLUG))).length > 0;

/** The planned sign-ins that exist in the database with a password (for a demo loaded on an earlier start). */
async function existingSignIns(db: Db, seed: number): Promise<DemoSignIn[]> {
	const planned = planDemo(seed).people.flatMap((p) => (p.signIn ? [{ email: p.email, label: p.signIn }] : []));
	const found = await db
		.select({ email: people.email })
		.from(people)
		.innerJoin(passwordCredentials, eq(passwordCredentials.personId, people.id))
		.where(
			inArray(
				people.email,
				planned.map((s) => s.email)
			)
		);
	const emails = new Set(found.map((r) => r.email));
	return planned.filter((s) => emails.has(s.email));
}

/**
 * Creates the demo organizer Exempelkommun in one transaction, unless an organizer
 * with its slug exists (then nothing changes). Not an actor's action: it runs at start,
 * so there is no authorize() and the audit event has no actor.
 */
export async function loadDemo(db: Db, opts: { seed?: number } = {}): Promise<LoadDemoResult> {
	const seed = opts.seed ?? DEFAULT_DEMO_SEED;
	if (await demoExists(db)) return { created: false, signIns: await existingSignIns(db, seed) };
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	try {
		const demo = await db.transaction(async (tx) => {
			if (await demoExists(tx)) return null;
			const taken = await tx.select({ code: units.schoolUnitCode }).from(units).where(like(units.schoolUnitCode, '99%'));
			const plan = planDemo(seed, new Set(taken.map((r) => r.code!)));
			const created = await buildDemoOrganizer(tx, plan, passwordHash);
			const assessments = await buildDemoAssessments(tx, created, createRandom(seed + ASSESSMENT_SEED_OFFSET));
			const support = await buildDemoSupport(tx, created, createRandom(seed + SUPPORT_SEED_OFFSET));
			// The demo inserts its cases directly: index them for the queue search in one go.
			await backfillTicketIndex(tx, { organizerId: created.organizerId });
			// … and store the solved ones' lead times, as solving them one by one would have (decision 064).
			await backfillLeadTimes(tx, { organizerId: created.organizerId });
			const notifications = await buildDemoNotifications(tx, created);
			const plans = await buildDemoPlans(tx, created, createRandom(seed + PLANS_SEED_OFFSET));
			const vision = await buildDemoVision(tx, created, createRandom(seed + VISION_SEED_OFFSET));
			const forums = await buildDemoForums(tx, created, createRandom(seed + FORUMS_SEED_OFFSET));
			const cycles = await buildDemoCycles(tx, created, createRandom(seed + CYCLES_SEED_OFFSET));
			const effects = await buildDemoEffects(tx, created, createRandom(seed + EFFECTS_SEED_OFFSET));
			// After the support chain: the articles name its categories.
			const knowledge = await buildDemoKnowledge(tx, created, createRandom(seed + KNOWLEDGE_SEED_OFFSET));
			const guidance = await buildDemoGuidance(tx, created);
			const questions = await buildDemoQuestions(tx, created);
			const apps = await buildDemoApps(tx, created);
			const devices = await buildDemoDevices(tx, created);
			const competence = await buildDemoCompetence(tx, created, createRandom(seed + COMPETENCE_SEED_OFFSET));
			// After the knowledge base, the support cases and the apps: the courses name their articles, categories and tools.
			const courses = await buildDemoCourses(tx, created, createRandom(seed + COURSES_SEED_OFFSET));
			// Last: the allotments follow the work the support chain, guidance and questions above made.
			const capacity = await buildDemoCapacity(tx, created);
			const comparisons = await buildDemoComparisons(tx, created);
			const unitSizes = await buildDemoUnitSizes(tx, created);
			// The guidance held so far (after the allotments, which follow the last weeks' work as it stood): sub-goal 1.3's
			// figures and the bookings the feedback forms below answer.
			const guidanceHistory = await buildDemoGuidanceHistory(tx, created, createRandom(seed + GUIDANCE_HISTORY_SEED_OFFSET));
			const surveys = await buildDemoSurveys(tx, created, createRandom(seed + SURVEYS_SEED_OFFSET));
			// After the progression plan and the guidance held: the student survey asks its steps, the feedback follows the bookings.
			const surveyUses = await buildDemoSurveyUses(tx, created, createRandom(seed + SURVEY_USES_SEED_OFFSET));
			const boardReports = await buildDemoBoardReports(tx, created);
			await recordAudit(tx, {
				organizerId: created.organizerId,
				actorId: null,
				action: 'demo.load',
				entityType: 'organizer',
				entityId: created.organizerId,
				changes: {
					seed,
					units: plan.units.length,
					people: plan.people.length,
					assessments,
					support,
					notifications,
					plans,
					vision,
					forums,
					cycles,
					effects,
					surveys,
					surveyUses,
					knowledge,
					guidance,
					guidanceHistory,
					questions,
					apps,
					devices,
					unitSizes,
					competence,
					courses,
					capacity,
					comparisons,
					boardReports
				}
			});
			return created;
		});
		if (demo) return { created: true, demo, signIns: demo.signIns };
	} catch (e) {
		// Another app node loaded the demo at the same moment: its copy is as good as ours.
		if (!(await demoExists(db))) throw e;
	}
	return { created: false, signIns: await existingSignIns(db, seed) };
}
