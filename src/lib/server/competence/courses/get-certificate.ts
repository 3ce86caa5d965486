import type { Db } from '../../db';
import { people } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { loadOwnEnrolment } from './enrolment-queries';

/**
 * The actor's certificate of completion for a course: their name, the course, its kind and the day completed. Only the
 * person themself, and only once completed (also after the course was archived); otherwise NOT_FOUND (there is no certificate to show).
 */
export async function getCertificate(db: Db, o: { actor: Actor | null; organizerId: string; courseId: string }) {
	const found = await loadOwnEnrolment(db, { ...o, archived: true }).catch((e) => {
		if (e instanceof AppError && e.code === 'CONFLICT') throw new AppError('NOT_FOUND', 'no certificate');
		throw e;
	});
	if (!found.enrolment.completedAt) throw new AppError('NOT_FOUND', 'no certificate');
	const [person] = await db.select({ name: people.name }).from(people).where(eq(people.id, found.actor.personId));
	return {
		name: person?.name ?? '',
		title: found.course.title,
		kind: found.course.kind,
		description: found.course.description,
		partCount: found.course.parts.length,
		completedAt: found.enrolment.completedAt
	};
}
