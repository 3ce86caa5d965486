import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers, people, planningMeetings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { sendMail } from '../../mail/send-mail';
import type { Actor } from '../../policies';
import { getMeeting } from './get-meeting';
import { buildMinutesMail, minutesLink } from './minutes-mail';

/**
 * Publishes a meeting's minutes: they are locked from now on, and each active member of the forum gets them
 * by mail (queued in the outbox in the same transaction; call deliverOutboxLater after). Only managers;
 * CONFLICT when already published. Names in the mail are as a non-administrator sees them (pseudonyms for
 * protected identities). Audited as meeting.publish. Returns how many mails were queued.
 */
export async function publishMinutes(db: Db, opts: { actor: Actor; organizerId: string; forumId: string; meetingId: string }) {
	const { actor, organizerId } = opts;
	const details = await getMeeting(db, { ...opts, need: 'forum.manage', forMail: true });
	if (details.meeting.publishedAt)
		throw new AppError('CONFLICT', 'forums_error_published', [{ field: 'form', message: 'forums_error_published' }]);
	return db.transaction(async (tx) => {
		const [done] = await tx
			.update(planningMeetings)
			.set({ publishedAt: new Date(), publishedBy: actor.personId })
			.where(and(eq(planningMeetings.id, details.meeting.id), isNull(planningMeetings.publishedAt)))
			.returning({ id: planningMeetings.id });
		if (!done) throw new AppError('CONFLICT', 'forums_error_published', [{ field: 'form', message: 'forums_error_published' }]);
		const [[org], recipients] = await Promise.all([
			tx.select({ slug: organizers.slug }).from(organizers).where(eq(organizers.id, organizerId)),
			details.members.length
				? tx
						.select({ email: people.email })
						.from(people)
						.where(
							and(
								inArray(
									people.id,
									details.members.map((p) => p.id)
								),
								eq(people.status, 'active')
							)
						)
				: Promise.resolve([])
		]);
		const mail = buildMinutesMail(details, minutesLink(org.slug, details.forum.id, details.meeting.id));
		const addresses = [...new Set(recipients.map((r) => r.email).filter(Boolean))];
		for (const to of addresses) await sendMail(tx, { organizerId, to, ...mail });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'meeting.publish',
			entityType: 'planning_meeting',
			entityId: details.meeting.id,
			changes: { publishedAt: [null, new Date().toISOString()], mailed: [null, addresses.length] }
		});
		return addresses.length;
	});
}
