import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses, competenceEnrolments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import type { FormInput } from '../competence-input';
import type { CourseInput } from './course-input';
import { courseColumns, loadCourse, type CourseRow } from './course-values';
import { remapPartsDone } from './remap-parts-done';

/**
 * Changes a course of the catalog (competence.catalog.manage); another organizer's course is NOT_FOUND. Audited.
 * When the parts change after people started (decision 066), each sign-up's done parts follow their parts (added parts
 * are not done, removed ones no longer count) and a changed quiz must be passed again — in the same transaction.
 * Completed sign-ups keep their completion and certificate: they completed the course as it was.
 */
export async function updateCourse(
	db: Db,
	o: { actor: Actor | null; organizerId: string; courseId: string; input: FormInput<CourseInput> }
): Promise<CourseRow> {
	authorize(o.actor, 'competence.catalog.manage', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	return db.transaction(async (tx) => {
		const before = await loadCourse(tx, o.organizerId, o.courseId);
		if (!before) throw new AppError('NOT_FOUND', 'no such course');
		const columns = await courseColumns(tx, o.organizerId, o.input as CourseInput);
		const [row] = await tx
			.update(competenceCourses)
			.set({ ...columns, updatedAt: new Date() })
			.where(eq(competenceCourses.id, before.id))
			.returning();
		const partsChanged = JSON.stringify(before.parts) !== JSON.stringify(row.parts);
		const quizChanged = JSON.stringify(before.quiz) !== JSON.stringify(row.quiz);
		if (partsChanged || quizChanged) {
			const started = await tx
				.select({ id: competenceEnrolments.id, partsDone: competenceEnrolments.partsDone, completedAt: competenceEnrolments.completedAt })
				.from(competenceEnrolments)
				.where(and(eq(competenceEnrolments.courseId, row.id), isNull(competenceEnrolments.cancelledAt)));
			for (const e of started) {
				const partsDone = partsChanged ? remapPartsDone(before.parts, row.parts, e.partsDone) : e.partsDone;
				await tx
					.update(competenceEnrolments)
					.set({ partsDone, ...(quizChanged && !e.completedAt ? { quizPassedAt: null } : {}) })
					.where(eq(competenceEnrolments.id, e.id));
			}
		}
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.course.update',
			entityType: 'competence_course',
			entityId: row.id,
			changes: { title: [before.title, row.title], kind: [before.kind, row.kind], capacity: [before.capacity, row.capacity] }
		});
		return row;
	});
}
