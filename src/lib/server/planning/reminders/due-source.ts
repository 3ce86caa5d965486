import type { Db } from '../../db';
import type { MailLocale } from '../../mail/bilingual-mail';

/** One open thing with a due date and a person who answers for it, as a reminder mail tells of it. */
export type DueItem = {
	itemId: string;
	organizerId: string;
	/** YYYY-MM-DD. */
	dueOn: string;
	/** The person the reminder goes to. */
	recipientId: string;
	/** Its own title, as written (never a person's name from elsewhere). */
	title: string;
	/** Its page, for the mail. */
	link: string;
	/** Its status and where it sits (the plan), in each mail language. */
	status: Record<MailLocale, string>;
	place: Record<MailLocale, string>;
};

/**
 * A kind of thing that falls due (planning actions today; council decisions can be one more). The reminder job
 * asks each source for the organizer's open items due on or before a day; the source says what the things are
 * called in mail and what the audit log calls them.
 */
export type DueSource = {
	/** Stored in due_reminders_sent.source; letters only. */
	key: string;
	/** The audit log's entity type of an item. */
	entityType: string;
	/** What one item is called in a sentence ("aktiviteten", "the action"). */
	noun: Record<MailLocale, string>;
	/** The organizer's open items (not done or dropped) with a due date on or before `until` (YYYY-MM-DD). */
	findOpenDue: (db: Db, opts: { organizerId: string; slug: string; until: string }) => Promise<DueItem[]>;
};
