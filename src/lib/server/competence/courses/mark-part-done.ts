import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceEnrolments } from '../../db/schema';
import { invalid } from '../../errors';
import type { Actor } from '../../policies';
import { loadOwnEnrolment } from './enrolment-queries';

/**
 * The actor has gone through one part of a course they signed up to (its index in the course's parts). Progress is the
 * person's own and is not audited (like reading an article); completion, which others see, is.
 */
export async function markPartDone(db: Db, o: { actor: Actor | null; organizerId: string; courseId: string; part: string }) {
	return db.transaction(async (tx) => {
		const { course, enrolment } = await loadOwnEnrolment(tx, o);
		const index = /^\d{1,3}$/.test(o.part) ? Number(o.part) : -1;
		if (index < 0 || index >= course.parts.length) throw invalid('form', 'courses_error_part');
		const partsDone = [...new Set([...enrolment.partsDone, index])].sort((a, b) => a - b);
		await tx.update(competenceEnrolments).set({ partsDone }).where(eq(competenceEnrolments.id, enrolment.id));
		return partsDone;
	});
}
