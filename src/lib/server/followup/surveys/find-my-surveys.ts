import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers, people, surveyInvitations, surveys } from '../../db/schema';
import { surveysWaitingColumn } from './surveys-waiting-column';
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

/**
 * How many open surveys wait for a person (their unanswered invitations to open surveys): the hint in the header.
 * The invitations are found by person (survey_invitations_person_idx), so this stays cheap on every page. The same
 * column the request hook reads with the session (surveysWaitingColumn), on its own after a form action.
 */
export async function countMySurveys(db: Db, personId: string): Promise<number> {
	const [row] = await db.select({ n: surveysWaitingColumn() }).from(people).where(eq(people.id, personId));
	return Number(row?.n ?? 0);
}
