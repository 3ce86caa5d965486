import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import type { FormInput } from '../competence-input';
import type { CourseInput } from './course-input';
import { courseColumns, loadCourse, type CourseRow } from './course-values';

/** Changes a course of the catalog (competence.catalog.manage); another organizer's course is NOT_FOUND. Audited. */
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
