import type { CourseRow } from './course-values';

/** A course in a list: what it is, when, seats left for a live session, whether the actor signed up. */
export function presentCourseCard(c: CourseRow, signedUp: number, mine: boolean) {
	return {
		id: c.id,
		kind: c.kind,
		title: c.title,
		description: c.description,
		startsAt: c.startsAt,
		endsAt: c.endsAt,
		place: c.place,
		capacity: c.capacity,
		free: c.capacity === null ? null : Math.max(0, c.capacity - signedUp),
		partCount: c.parts.length,
		hasQuiz: !!c.quiz,
		tags: c.tags,
		mine
	};
}
export type CourseCard = ReturnType<typeof presentCourseCard>;
