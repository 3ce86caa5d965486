import { sql, type SQL } from 'drizzle-orm';

/**
 * How many open surveys wait for the person (their unanswered invitations to open surveys, the header's hint),
 * as a column of a query that selects from `people` under that name. The request hook reads it with the session,
 * like the bell's count (decision 037), so a page needs no statement of its own for it; `countMySurveys` reads the
 * same column on its own.
 */
export const surveysWaitingColumn = (): SQL<number> =>
	sql<number>`(SELECT count(*)::int FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id WHERE i.person_id = people.id AND i.answered_at IS NULL AND s.status = 'open')`;
