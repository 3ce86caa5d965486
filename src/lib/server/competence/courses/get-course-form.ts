import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles } from '../../db/schema';
import { AppError } from '../../errors';
import { stockholmDayTime } from '../../planning/forums/forum-input';
import { authorize, type Actor } from '../../policies';
import { quizLines } from './course-input';
import { loadCourse } from './course-values';

const local = (at: Date | null) => {
	if (!at) return '';
	const { day, time } = stockholmDayTime(at);
	return `${day}T${time}`;
};

/** A course as its edit form's values (competence.catalog.manage); NOT_FOUND for no course of the organizer. */
export async function getCourseForm(db: Db, o: { actor: Actor | null; organizerId: string; courseId: string }) {
	authorize(o.actor, 'competence.catalog.manage', { type: 'organizer', organizerId: o.organizerId });
	const c = await loadCourse(db, o.organizerId, o.courseId);
	if (!c) throw new AppError('NOT_FOUND', 'no such course');
	const ids = c.parts.flatMap((p) => (p.kind === 'article' ? [p.articleId] : []));
	const slugs = ids.length
		? new Map(
				(
					await db
						.select({ id: kbArticles.id, slug: kbArticles.slug })
						.from(kbArticles)
						.where(and(eq(kbArticles.organizerId, o.organizerId), inArray(kbArticles.id, ids)))
				).map((a) => [a.id, a.slug])
			)
		: new Map<string, string>();
	const parts = c.parts
		.map((p) =>
			p.kind === 'article'
				? `artikel: ${slugs.get(p.articleId) ?? ''}`
				: p.kind === 'film'
					? `film: ${p.url} ${p.title}`
					: `uppgift: ${p.text}`
		)
		.join('\n');
	return {
		id: c.id,
		title: c.title,
		values: {
			kind: c.kind,
			title: c.title,
			description: c.description,
			url: c.url,
			parts,
			quiz: quizLines(c.quiz),
			passMark: c.quiz ? String(c.quiz.passMark) : '',
			startsAt: local(c.startsAt),
			endsAt: local(c.endsAt),
			place: c.place,
			capacity: c.capacity === null ? '' : String(c.capacity),
			areas: c.tags.areas.join(','),
			aspects: c.tags.aspects.join(','),
			subGoals: c.tags.subGoals.join(','),
			categoryIds: c.tags.categoryIds.join(','),
			toolIds: c.tags.toolIds.join(',')
		}
	};
}
