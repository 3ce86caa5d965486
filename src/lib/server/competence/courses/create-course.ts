import type { Db } from '../../db';
import { competenceCourses } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid } from '../../errors';
import { authorize, type Actor } from '../../policies';
import type { FormInput } from '../competence-input';
import type { CourseInput } from './course-input';
import { courseColumns, type CourseRow } from './course-values';

/**
 * Adds a course or session to the catalog (competence.catalog.manage); refused beside its field on bad input, and a
 * new live session may not start in the past (a session already held can still be corrected). Audited.
 */
export async function createCourse(
	db: Db,
	o: { actor: Actor | null; organizerId: string; input: FormInput<CourseInput>; now?: Date }
): Promise<CourseRow> {
	authorize(o.actor, 'competence.catalog.manage', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	return db.transaction(async (tx) => {
		const columns = await courseColumns(tx, o.organizerId, o.input as CourseInput);
		if (columns.startsAt && columns.startsAt < (o.now ?? new Date())) throw invalid('startsAt', 'courses_error_starts_past');
		const [row] = await tx
			.insert(competenceCourses)
			.values({ ...columns, organizerId: o.organizerId, createdBy: actor.personId })
			.returning();
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.course.create',
			entityType: 'competence_course',
			entityId: row.id,
			changes: { title: [null, row.title], kind: [null, row.kind] }
		});
		return row;
	});
}
