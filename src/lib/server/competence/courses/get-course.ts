import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceEnrolments, kbArticles } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { loadCourse } from './course-values';
import { findEnrolment, readyToComplete } from './enrolment-queries';
import { presentCourseCard } from './present-course';

/**
 * One course for its page (competence.catalog): its parts (articles with their slug, for a link), the quiz without its
 * answers, the actor's own progress; for those who manage the catalog also who signed up and who attended. Another
 * organizer's course is NOT_FOUND; an archived one too, except to those who manage the catalog (to un-archive it) and
 * to those who signed up to it (their history and certificate).
 */
export async function getCourse(db: Db, o: { actor: Actor | null; organizerId: string; courseId: string; now?: Date }) {
	authorize(o.actor, 'competence.catalog', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const course = await loadCourse(db, o.organizerId, o.courseId, { archived: true });
	if (!course) throw new AppError('NOT_FOUND', 'no such course');
	const manages = can(actor, 'competence.catalog.manage', { type: 'organizer', organizerId: o.organizerId });
	const active = await db
		.select({
			personId: competenceEnrolments.personId,
			attendedAt: competenceEnrolments.attendedAt,
			completedAt: competenceEnrolments.completedAt
		})
		.from(competenceEnrolments)
		.where(and(eq(competenceEnrolments.courseId, course.id), isNull(competenceEnrolments.cancelledAt)));
	const mine = await findEnrolment(db, course.id, actor.personId);
	if (course.archivedAt && !manages && !mine) throw new AppError('NOT_FOUND', 'no such course');
	const articleIds = course.parts.flatMap((p) => (p.kind === 'article' ? [p.articleId] : []));
	const slugs = new Map<string, string>();
	for (const id of articleIds) {
		const [a] = await db
			.select({ slug: kbArticles.slug })
			.from(kbArticles)
			.where(and(eq(kbArticles.id, id), eq(kbArticles.organizerId, o.organizerId)));
		if (a) slugs.set(id, a.slug);
	}
	const names = manages
		? await shownNamesById(db, { actor, organizerId: o.organizerId, personIds: active.map((e) => e.personId), via: 'competence_course' })
		: new Map<string, string>();
	const now = o.now ?? new Date();
	return {
		...presentCourseCard(course, active.length, !!mine),
		url: course.url,
		parts: course.parts.map((p, i) => ({
			index: i,
			kind: p.kind,
			title: p.title,
			text: p.kind === 'task' ? p.text : '',
			href: p.kind === 'film' ? p.url : p.kind === 'article' ? (slugs.get(p.articleId) ?? null) : null,
			done: !!mine?.partsDone.includes(i)
		})),
		quiz: course.quiz
			? { passMark: course.quiz.passMark, questions: course.quiz.questions.map((q) => ({ text: q.text, options: q.options })) }
			: null,
		me: mine
			? {
					quizPassed: !!mine.quizPassedAt,
					ready: course.kind !== 'live' && readyToComplete(course, mine),
					attended: !!mine.attendedAt,
					completedAt: mine.completedAt,
					feedbackGiven: !!mine.feedbackAt
				}
			: null,
		started: !course.startsAt || course.startsAt <= now,
		archived: !!course.archivedAt,
		manages,
		participants: manages
			? active
					.map((e) => ({ personId: e.personId, name: names.get(e.personId) ?? '', attended: !!e.attendedAt, completed: !!e.completedAt }))
					.sort((a, b) => a.name.localeCompare(b.name, 'sv'))
			: []
	};
}
export type CourseView = Awaited<ReturnType<typeof getCourse>>;
