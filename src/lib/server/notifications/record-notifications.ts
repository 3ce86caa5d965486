import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { notifications, organizers, type ticketEvents } from '../db/schema';
import { sendMail } from '../mail/send-mail';
import { ticketLink } from '../support/notify/ticket-link';
import { ticketResource, type TicketRow } from '../support/tickets/ticket-resource';
import { findRecipients, type Recipient } from './find-recipients';
import { CHANNEL_KINDS, holders, notificationTargets, type NotificationTarget } from './notification-targets';
import { buildNotificationMail, type NotificationParams } from './notification-text';
import { queueChannelPosts } from './queue-channel-posts';

/**
 * Mail the support case mails already send (decision 026): the handler's mail when the requester writes, and the
 * requester's mail when someone else filed for them. Those notifications are marked mailed, not mailed twice.
 */
function mailedElsewhere(r: Recipient, ticket: TicketRow, actorId: string | null): boolean {
	if (r.kind === 'requester_reply') return true;
	return r.kind === 'receipt' && actorId !== ticket.requesterId;
}

/**
 * Writes the notifications for `targets` about a case, in the caller's transaction (outbox pattern): the rows for
 * the app, the mail of those who want it at once (into the mail outbox), and the posts for the team channels.
 * `dedupe` gives a once-only key per kind (SLA warnings); a row whose key exists is skipped. Returns the rows written.
 */
export async function recordNotifications(
	tx: Db,
	ticket: TicketRow,
	opts: { targets: NotificationTarget[]; actorId: string | null; dedupe?: (kind: string) => string | null; now?: Date }
): Promise<number> {
	if (opts.targets.length === 0) return 0;
	const resource = await ticketResource(tx, ticket);
	const recipients = await findRecipients(tx, { targets: opts.targets, resource, actorId: opts.actorId });
	const [org] = await tx.select({ slug: organizers.slug }).from(organizers).where(eq(organizers.id, ticket.organizerId));
	const link = ticketLink(org.slug, ticket.number);
	const params: NotificationParams = { number: ticket.number, title: ticket.title, line: ticket.line };
	const now = opts.now ?? new Date();
	let written = 0;
	for (const r of recipients) {
		const immediate = r.mail === 'immediate';
		const [row] = await tx
			.insert(notifications)
			.values({
				organizerId: ticket.organizerId,
				personId: r.personId,
				kind: r.kind,
				ticketId: ticket.id,
				params,
				dedupeKey: opts.dedupe?.(r.kind) ?? null,
				email: r.mail === 'off' ? 'none' : r.mail,
				emailedAt: immediate ? now : null
			})
			.onConflictDoNothing()
			.returning({ id: notifications.id });
		if (!row) continue;
		written++;
		if (immediate && !mailedElsewhere(r, ticket, opts.actorId)) {
			await sendMail(tx, { organizerId: ticket.organizerId, to: r.email, ...buildNotificationMail(r.kind, params, link) });
		}
	}
	for (const t of opts.targets) {
		if (CHANNEL_KINDS.has(t.kind) && t.audience.type === 'team') {
			await queueChannelPosts(tx, { ticket, teamId: t.audience.teamId, kind: t.kind, link });
		}
	}
	return written;
}

/** The notifications a case event causes (see notificationTargets), written with the event. */
export async function notifyTicketEvent(tx: Db, ticket: TicketRow, event: typeof ticketEvents.$inferSelect): Promise<number> {
	const targets = notificationTargets(ticket, event);
	return recordNotifications(tx, ticket, { targets, actorId: event.actorId, now: event.createdAt });
}

/**
 * The SLA notifications when a case's status turns: `at_risk` (80 % of a target used, i.e. 20 % left) warns whoever
 * holds the case, once per deadline; a newly recorded breach tells them, once per breach, and the channels of the
 * team holding the case (line 2 or 3). Called where the SLA summary is stored.
 */
export async function notifySlaChange(
	tx: Db,
	ticket: TicketRow,
	change: { atRisk: boolean; breaches: { kind: string; line: number }[]; now?: Date }
): Promise<number> {
	const who = holders(ticket);
	let written = 0;
	if (change.atRisk && ticket.slaDueAt) {
		const key = `sla_at_risk:${ticket.id}:${ticket.slaDueAt.toISOString()}`;
		written += await recordNotifications(tx, ticket, {
			targets: [{ kind: 'sla_at_risk', audience: who }],
			actorId: null,
			dedupe: () => key,
			now: change.now
		});
	}
	if (change.breaches.length) {
		const key = `sla_breached:${ticket.id}:${change.breaches
			.map((b) => `${b.kind}-${b.line}`)
			.sort()
			.join(',')}`;
		written += await recordNotifications(tx, ticket, {
			targets: [{ kind: 'sla_breached', audience: who }],
			actorId: null,
			dedupe: () => key,
			now: change.now
		});
		if (ticket.teamId && ticket.line > 1 && who.type !== 'team') {
			const [org] = await tx.select({ slug: organizers.slug }).from(organizers).where(eq(organizers.id, ticket.organizerId));
			await queueChannelPosts(tx, { ticket, teamId: ticket.teamId, kind: 'sla_breached', link: ticketLink(org.slug, ticket.number) });
		}
	}
	return written;
}
