import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { sendDueReminders } from './send-due-reminders';

/**
 * What the hourly job would send for one organizer, sent now at someone's request (leadership or an organization
 * administrator: planning.configure). Each reminder still goes out once and is audited as it is sent.
 */
export async function sendRemindersNow(db: Db, opts: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(opts.actor, 'planning.configure', { type: 'organizer', organizerId: opts.organizerId });
	return sendDueReminders(db, opts.now ?? new Date(), { organizerId: opts.organizerId });
}
