import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers, surveyInvitations, surveys } from '../../db/schema';
import type { Actor } from '../../policies';

/** The signed-in person's own unanswered invitations to open surveys, newest first ("Mina enkäter", the in-app list). */
export async function findMySurveys(db: Db, opts: { actor: Actor }) {
	const rows = await db
		.select({
			id: surveyInvitations.id,
			kind: surveys.kind,
			titleSv: surveys.titleSv,
			titleEn: surveys.titleEn,
			sentAt: surveyInvitations.sentAt,
			organizer: organizers.name
		})
		.from(surveyInvitations)
		.innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
		.innerJoin(organizers, eq(organizers.id, surveyInvitations.organizerId))
		.where(and(eq(surveyInvitations.personId, opts.actor.personId), isNull(surveyInvitations.answeredAt), eq(surveys.status, 'open')))
		.orderBy(desc(surveyInvitations.sentAt))
		.limit(50);
	return rows.map((r) => ({ ...r, sentAt: r.sentAt.toISOString() }));
}
