import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceEnrolments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, conflict } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { loadCourse } from './course-values';

/**
 * The organizer marks who attended a live session (competence.catalog.manage): the people named attended (and so
 * completed), every other sign-up did not. Only after the session has started. Audited with who was marked.
 */
export async function markAttendance(
	db: Db,
	o: { actor: Actor | null; organizerId: string; courseId: string; presentIds: string[]; now?: Date }
) {
	authorize(o.actor, 'competence.catalog.manage', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const now = o.now ?? new Date();
	return db.transaction(async (tx) => {
		const course = await loadCourse(tx, o.organizerId, o.courseId);
		if (!course) throw new AppError('NOT_FOUND', 'no such course');
		if (course.kind !== 'live') throw conflict('form', 'courses_error_not_live');
		if (course.startsAt && course.startsAt > now) throw conflict('form', 'courses_error_not_started');
		const ids = o.presentIds.filter(isUuid);
		const active = and(eq(competenceEnrolments.courseId, course.id), isNull(competenceEnrolments.cancelledAt));
		const present = await tx
			.update(competenceEnrolments)
			.set({ attendedAt: now, completedAt: now })
			.where(and(active, ids.length ? inArray(competenceEnrolments.personId, ids) : sql`false`, isNull(competenceEnrolments.attendedAt)))
			.returning({ personId: competenceEnrolments.personId });
		const absent = await tx
			.update(competenceEnrolments)
			.set({ attendedAt: null, completedAt: null })
			.where(
				and(active, isNotNull(competenceEnrolments.attendedAt), ids.length ? notInArray(competenceEnrolments.personId, ids) : undefined)
			)
			.returning({ personId: competenceEnrolments.personId });
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.course.attendance',
			entityType: 'competence_course',
			entityId: course.id,
			changes: { present: [null, present.map((p) => p.personId)], absent: [null, absent.map((p) => p.personId)] }
		});
		return { present: present.length, absent: absent.length };
	});
}
