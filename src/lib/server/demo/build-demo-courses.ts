import { randomUUID } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appTools, competenceCourses, competenceEnrolments, kbArticles, supportCategories, tickets } from '../db/schema';
import type { CourseKind, CoursePart, CourseQuiz, CourseTags } from '../db/schema/courses';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';

export type DemoCourseCounts = { courses: number; enrolments: number; feedback: number };

/** The catalog's themes: a title, what it serves, and a task. Written for the demo in our own words. */
const THEMES: { title: string; areas: string[]; aspects: string[]; subGoals: string[]; task: string }[] = [
	{
		title: 'Källkritik i praktiken',
		areas: ['students'],
		aspects: ['critical'],
		subGoals: ['1.1'],
		task: 'Låt eleverna granska två källor om samma sak.'
	},
	{
		title: 'Digitala läromedel som lyfter',
		areas: ['resources'],
		aspects: ['tools'],
		subGoals: ['2.1'],
		task: 'Välj ett läromedel och pröva det med en grupp.'
	},
	{
		title: 'Formativ återkoppling med digitala verktyg',
		areas: ['assessment'],
		aspects: ['tools'],
		subGoals: ['1.2'],
		task: 'Ge återkoppling digitalt på ett elevarbete.'
	},
	{
		title: 'Anpassningar för alla elever',
		areas: ['inclusion'],
		aspects: ['tools'],
		subGoals: ['1.1'],
		task: 'Prova talsyntes eller inläst text med en elev.'
	},
	{
		title: 'Programmering från årskurs 1',
		areas: ['students', 'teaching'],
		aspects: ['create'],
		subGoals: ['1.1'],
		task: 'Gör en enkel programmeringsövning utan dator.'
	},
	{
		title: 'Samarbete i delade dokument',
		areas: ['work'],
		aspects: ['tools'],
		subGoals: ['1.3'],
		task: 'Planera en lektion tillsammans i ett delat dokument.'
	},
	{
		title: 'Digitaliseringens påverkan på samhället',
		areas: ['students'],
		aspects: ['society'],
		subGoals: ['1.1'],
		task: 'Diskutera med klassen hur appar tjänar pengar.'
	},
	{
		title: 'Projektorn och skärmen i klassrummet',
		areas: ['teaching'],
		aspects: ['tools'],
		subGoals: ['2.2'],
		task: 'Koppla in och växla mellan två källor före lektionen.'
	},
	{
		title: 'Inloggning och lösenord utan krångel',
		areas: ['work'],
		aspects: ['critical'],
		subGoals: ['2.3'],
		task: 'Gå igenom inloggningen med din klass.'
	},
	{
		title: 'Bedömning av digitala elevarbeten',
		areas: ['assessment'],
		aspects: ['create'],
		subGoals: ['1.2'],
		task: 'Bedöm ett digitalt arbete med en matris.'
	}
];
const QUIZ: CourseQuiz = {
	passMark: 2,
	questions: [
		{ text: 'Vad gör du först när något inte fungerar?', options: ['Startar om och prövar igen', 'Ger upp', 'Byter dator'], correct: 0 },
		{ text: 'Var hittar du instruktionerna?', options: ['I kunskapsbanken', 'Ingenstans'], correct: 0 },
		{ text: 'Vem hjälper dig på enheten?', options: ['Den pedagogiska nyckelpersonen', 'Ingen'], correct: 0 }
	]
};
const COMMENTS = ['Konkret och användbart.', 'Bra exempel från klassrummet.', 'Lite för kort.', '', '', ''];

/**
 * The course catalog for Exempelkommun (issue 19 item 3, decision 058): 30 courses and sessions — short courses of
 * the demo's articles with tasks and quizzes, recorded broadcasts, external courses and live sessions before and after
 * today — tagged with the reflection areas, the sub-goals, and the support categories with the most handhavandefel in
 * the demo's cases, so the needs picture and the recommendations match; sign-ups, attendance and feedback by staff.
 * Inserted in bulk without audit, as the rest of the demo.
 */
export async function buildDemoCourses(tx: Db, demo: DemoOrganizer, random: Random): Promise<DemoCourseCounts> {
	const organizerId = demo.organizerId;
	const articles = await tx
		.select({ id: kbArticles.id, title: kbArticles.title })
		.from(kbArticles)
		.where(eq(kbArticles.organizerId, organizerId))
		.limit(40);
	const userErrors = await tx
		.select({ id: supportCategories.id, cases: count() })
		.from(tickets)
		.innerJoin(supportCategories, eq(supportCategories.id, tickets.categoryId))
		.where(and(eq(tickets.organizerId, organizerId), eq(tickets.cause, 'user_error')))
		.groupBy(supportCategories.id)
		.orderBy(desc(count()))
		.limit(4);
	const tools = await tx.select({ id: appTools.id }).from(appTools).where(eq(appTools.organizerId, organizerId)).limit(10);
	const now = Date.now();
	const day = 86_400_000;
	const courses: (typeof competenceCourses.$inferInsert)[] = [];
	for (let i = 0; i < 30; i++) {
		const theme = THEMES[i % THEMES.length];
		const kind: CourseKind = i < 14 ? 'short' : i < 18 ? 'recorded' : i < 20 ? 'external' : 'live';
		const parts: CoursePart[] = [];
		if (kind === 'short' || kind === 'recorded') {
			for (const a of random.shuffle(articles).slice(0, kind === 'short' ? 2 : 1))
				parts.push({ kind: 'article', articleId: a.id, title: a.title });
			if (kind === 'recorded')
				parts.unshift({ kind: 'film', url: `https://media.exempelkommun.se/sandning/${i + 1}`, title: 'Inspelningen' });
			parts.push({ kind: 'task', text: theme.task, title: '' });
		}
		const tags: CourseTags = {
			areas: theme.areas,
			aspects: theme.aspects,
			subGoals: theme.subGoals,
			categoryIds: userErrors.length && (i % 3 === 0 || theme.areas.includes('teaching')) ? [userErrors[i % userErrors.length].id] : [],
			toolIds: tools.length && i % 4 === 1 ? [tools[i % tools.length].id] : []
		};
		// Live sessions: half in the past (attendance and feedback), half coming.
		const startsAt = kind === 'live' ? new Date(now + (i < 25 ? -(30 - i) * 7 : (i - 24) * 7) * day + 14 * 3_600_000) : null;
		courses.push({
			id: randomUUID(),
			organizerId,
			kind,
			title: kind === 'live' ? `${theme.title} – träff ${i - 19}` : i >= THEMES.length ? `${theme.title}, fördjupning` : theme.title,
			description: `${theme.title}: en ${kind === 'live' ? 'träff' : 'kurs'} för dig som vill komma vidare i arbetet.`,
			parts,
			quiz: kind === 'short' && i % 2 === 0 ? QUIZ : null,
			tags,
			url: kind === 'external' ? `https://larplattform.exempel.se/kurs/${i + 1}` : '',
			startsAt,
			endsAt: startsAt ? new Date(startsAt.getTime() + 90 * 60_000) : null,
			place: kind === 'live' ? (i % 2 ? 'Aulan, Kvarnbackaskolan' : 'https://mote.exempelkommun.se/kompetens') : '',
			capacity: kind === 'live' ? 25 : null,
			createdAt: new Date(now - 200 * day + i * day)
		});
	}
	await tx.insert(competenceCourses).values(courses);
	// The people one signs in as start with no courses, so the tests and a visitor see the catalog fresh.
	const signIns = new Set(demo.signIns.map((s) => s.email));
	const staff = demo.people.staff.filter((p) => !signIns.has(p.email));
	const enrolments: (typeof competenceEnrolments.$inferInsert)[] = [];
	for (const c of courses) {
		const past = !c.startsAt || c.startsAt.getTime() < now;
		const takers = random.shuffle(staff).slice(0, random.int(4, c.kind === 'live' ? 22 : 16));
		for (const person of takers) {
			const completed = past && random.chance(c.kind === 'live' ? 0.85 : 0.6);
			const signed = new Date((c.startsAt?.getTime() ?? now) - random.int(5, 60) * day);
			const doneAt = completed
				? new Date(c.startsAt ? c.startsAt.getTime() + 3_600_000 : Math.min(now, signed.getTime() + random.int(1, 20) * day))
				: null;
			const feedback = doneAt && random.chance(0.7);
			const score = feedback ? Math.max(1, Math.min(5, random.int(2, 5) + (c.tags?.categoryIds?.length ? 0 : random.int(-1, 0)))) : null;
			enrolments.push({
				organizerId,
				courseId: c.id!,
				personId: person.id,
				partsDone: completed ? (c.parts ?? []).map((_, k) => k) : [],
				quizPassedAt: completed && c.quiz ? doneAt : null,
				attendedAt: c.kind === 'live' && completed ? doneAt : null,
				completedAt: doneAt,
				feedbackScore: score,
				feedbackComment: feedback ? random.pick(COMMENTS) : '',
				feedbackAt: feedback ? doneAt : null,
				createdAt: signed
			});
		}
	}
	for (let i = 0; i < enrolments.length; i += 500) await tx.insert(competenceEnrolments).values(enrolments.slice(i, i + 500));
	return { courses: courses.length, enrolments: enrolments.length, feedback: enrolments.filter((e) => e.feedbackScore !== null).length };
}
