import { sql, type SQL } from 'drizzle-orm';

/**
 * How many of the person's notifications are unread (the header's bell), as a column of a query that selects
 * from `people` under that name. The request hook reads it with the session, so the bell costs no round trip
 * of its own on a page (decision 037); `countUnreadNotifications` is the same count on its own.
 */
export const unreadNotificationsColumn = (): SQL<number> =>
	sql<number>`(SELECT count(*)::int FROM notifications n WHERE n.person_id = people.id AND n.read_at IS NULL)`;
