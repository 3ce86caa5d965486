import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, conflict } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadCourse } from './course-values';

/**
 * Archives a course (archived true) or brings it back (false) (competence.catalog.manage, decision 066). An archived
 * course leaves the catalog, the recommendations and the needs picture's offers, takes no sign-ups and no further
 * progress; its sign-ups, completions and feedback stay for history and the participation page, and those who
 * completed it can still open their certificate. Archiving what is archived (or the reverse) is refused. Audited.
 */
export async function archiveCourse(
	db: Db,
	o: { actor: Actor | null; organizerId: string; courseId: string; archived: boolean; now?: Date }
): Promise<void> {
	authorize(o.actor, 'competence.catalog.manage', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	await db.transaction(async (tx) => {
		const course = await loadCourse(tx, o.organizerId, o.courseId, { archived: true });
		if (!course) throw new AppError('NOT_FOUND', 'no such course');
		if (!!course.archivedAt === o.archived)
			throw conflict('form', o.archived ? 'courseadmin_error_archived' : 'courseadmin_error_not_archived');
		const archivedAt = o.archived ? (o.now ?? new Date()) : null;
		await tx.update(competenceCourses).set({ archivedAt, updatedAt: new Date() }).where(eq(competenceCourses.id, course.id));
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: o.archived ? 'competence.course.archive' : 'competence.course.restore',
			entityType: 'competence_course',
			entityId: course.id,
			changes: { archivedAt: [course.archivedAt?.toISOString() ?? null, archivedAt?.toISOString() ?? null] }
		});
	});
}
