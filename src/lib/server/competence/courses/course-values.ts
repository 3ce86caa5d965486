import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { appTools, competenceCourses, kbArticles, supportCategories } from '../../db/schema';
import type { CoursePart } from '../../db/schema/courses';
import { invalid, parseOrThrow } from '../../errors';
import { isUuid } from '../../ids';
import { stockholmInstant } from '../../planning/forums/forum-input';
import { courseSchema, parsePartLines, parseQuizLines, type CourseInput } from './course-input';

/**
 * The columns of a course from its form: articles named by slug looked up in the organizer's own knowledge base,
 * categories and tools kept only when they are the organizer's. Internal to createCourse and updateCourse.
 */
export async function courseColumns(db: Db, organizerId: string, input: CourseInput) {
	const v = parseOrThrow(courseSchema, input);
	const lines = parsePartLines(v.parts);
	if (!lines) throw invalid('parts', 'courses_error_parts');
	const quiz = parseQuizLines(v.quiz, v.passMark);
	if (quiz === 'invalid') throw invalid('quiz', 'courses_error_quiz');
	if (v.kind === 'short' && lines.length === 0) throw invalid('parts', 'courses_error_parts_needed');
	const slugs = lines.flatMap((l) => (l.kind === 'article' ? [l.slug] : []));
	const articles = slugs.length
		? await db
				.select({ id: kbArticles.id, slug: kbArticles.slug, title: kbArticles.title })
				.from(kbArticles)
				.where(and(eq(kbArticles.organizerId, organizerId), inArray(kbArticles.slug, slugs)))
		: [];
	const bySlug = new Map(articles.map((a) => [a.slug, a]));
	const parts: CoursePart[] = [];
	for (const l of lines) {
		if (l.kind === 'article') {
			const a = bySlug.get(l.slug);
			if (!a) throw invalid('parts', 'courses_error_article');
			parts.push({ kind: 'article', articleId: a.id, title: a.title });
		} else if (l.kind === 'film') parts.push(l);
		else parts.push({ kind: 'task', text: l.text, title: '' });
	}
	const categoryIds = v.categoryIds.filter(isUuid);
	const toolIds = v.toolIds.filter(isUuid);
	const [cats, tools] = await Promise.all([
		categoryIds.length
			? db
					.select({ id: supportCategories.id })
					.from(supportCategories)
					.where(and(eq(supportCategories.organizerId, organizerId), inArray(supportCategories.id, categoryIds)))
			: [],
		toolIds.length
			? db
					.select({ id: appTools.id })
					.from(appTools)
					.where(and(eq(appTools.organizerId, organizerId), inArray(appTools.id, toolIds)))
			: []
	]);
	const live = v.kind === 'live';
	return {
		kind: v.kind,
		title: v.title,
		description: v.description,
		url: v.url,
		parts,
		quiz,
		tags: { areas: v.areas, aspects: v.aspects, subGoals: v.subGoals, categoryIds: cats.map((c) => c.id), toolIds: tools.map((t) => t.id) },
		startsAt: live && v.startsAt ? stockholmInstant(...(v.startsAt.split('T') as [string, string])) : null,
		endsAt: live && v.endsAt ? stockholmInstant(...(v.endsAt.split('T') as [string, string])) : null,
		place: live ? v.place : '',
		capacity: live ? v.capacity : null
	};
}

export type CourseRow = typeof competenceCourses.$inferSelect;

/**
 * One course of the organizer, or null: an id of another organizer's course is no course here. An archived course is
 * no course either, unless `archived` asks for it (its page for those who took it, certificates, un-archiving).
 */
export async function loadCourse(db: Db, organizerId: string, courseId: string, o: { archived?: boolean } = {}): Promise<CourseRow | null> {
	if (!isUuid(courseId)) return null;
	const [row] = await db
		.select()
		.from(competenceCourses)
		.where(
			and(
				eq(competenceCourses.id, courseId),
				eq(competenceCourses.organizerId, organizerId),
				o.archived ? undefined : isNull(competenceCourses.archivedAt)
			)
		);
	return row ?? null;
}
