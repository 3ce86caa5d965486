import type { Db } from '../../db';
import type { Actor } from '../../policies';
import type { FeedEvent } from './calendar-text';

/** An organizer the feed's owner is a member of. */
export type FeedOrganizer = { id: string; slug: string };

/**
 * A kind of dated thing a person's calendar feed lists (planning actions today; council meetings can be one
 * more). Given the person as an actor and the organizers they are still a member of, it returns the events
 * they may see, with no one else's name in them.
 */
export type FeedSource = {
	key: string;
	findForPerson: (db: Db, opts: { actor: Actor; organizers: FeedOrganizer[] }) => Promise<FeedEvent[]>;
};
