import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers, people, type ticketEvents } from '../../db/schema';
import { sendMail } from '../../mail/send-mail';
import { getSupportSettings } from '../settings';
import type { TicketRow } from '../tickets/ticket-resource';
import { ticketLink } from './ticket-link';
import { buildHandlerMail, buildRequesterMail, type TicketMailFacts } from './ticket-mail';
import { readTogether } from '../../db/read-together';
import { shownNames } from '../privacy/shown-names';
import { mailOptOuts } from '../../notifications/mail-opt-outs';

type EventRow = typeof ticketEvents.$inferSelect;

/** Kinds by which a requester writes to support: the case's handler hears about them. */
const REQUESTER_WRITES = new Set(['reply', 'reopen']);

/**
 * Who hears about an event. A public event the requester did not make goes to the requester and to whoever
 * filed for them (a mentor for a young student), never to the person who made it. When the requester's side
 * replies or reopens, the case's handler hears of it; without a handler nobody does (the queues show the
 * case). Internal notes reach no one.
 */
export function notificationRecipients(ticket: TicketRow, event: EventRow): { requester: string[]; handler: string[] } {
	if (!event.public) return { requester: [], handler: [] };
	const requesterWrites = event.by === 'requester' && REQUESTER_WRITES.has(event.kind);
	const handler = requesterWrites && ticket.assigneeId && ticket.assigneeId !== event.actorId ? [ticket.assigneeId] : [];
	const requester =
		event.actorId === ticket.requesterId ? [] : [...new Set([ticket.requesterId, ticket.filedById])].filter((id) => id !== event.actorId);
	return { requester, handler };
}

/**
 * Queues the e-mail an event causes, in the outbox, in the caller's transaction: so a mail exists exactly
 * when the change was committed. The outbox is sent by the mail job (or kept for administrators without SMTP).
 * Inactive people get no mail. Returns how many mails were queued.
 */
export async function queueTicketNotifications(tx: Db, ticket: TicketRow, event: EventRow): Promise<number> {
	const to = notificationRecipients(ticket, event);
	// A handler who chose the digest (or no mail) for the requester's replies gets them that way (decision 026).
	const optedOut = await mailOptOuts(tx, to.handler, 'requester_reply');
	to.handler = to.handler.filter((id) => !optedOut.has(id));
	const ids = [...to.requester, ...to.handler];
	if (ids.length === 0) return 0;
	const personIds = event.actorId ? [...ids, event.actorId] : ids;
	const [found, [org], settings] = await readTogether(tx, [
		() =>
			tx
				.select({
					id: people.id,
					name: people.name,
					email: people.email,
					status: people.status,
					protectedIdentity: people.protectedIdentity
				})
				.from(people)
				.where(inArray(people.id, personIds)),
		() => tx.select({ slug: organizers.slug }).from(organizers).where(eq(organizers.id, ticket.organizerId)),
		() => getSupportSettings(tx, ticket.organizerId)
	]);
	const byId = new Map(found.map((p) => [p.id, p]));
	// Mails go to others than the one who acted: a protected actor is named by the pseudonym (no one is shown as admin here).
	const actor = event.actorId ? byId.get(event.actorId) : undefined;
	const actorShown = actor
		? await shownNames(tx, { actor: null, organizerId: ticket.organizerId, people: [actor], via: 'support.mail', locale: 'sv' })
		: null;
	const base: Omit<TicketMailFacts, 'recipientName'> = {
		number: ticket.number,
		title: ticket.title,
		link: ticketLink(org.slug, ticket.number),
		actorName: actor ? (actorShown?.get(actor.id) ?? null) : null,
		kind: event.kind,
		body: event.body,
		stateTo: event.stateTo,
		lineTo: event.lineTo,
		chain: ticket.chain,
		data: event.data ?? {},
		settings
	};
	let queued = 0;
	const sent = new Set<string>();
	for (const [list, build] of [
		[to.requester, buildRequesterMail],
		[to.handler, buildHandlerMail]
	] as const) {
		for (const id of list) {
			const person = byId.get(id);
			if (!person || person.status !== 'active' || sent.has(person.email)) continue;
			sent.add(person.email);
			const mail = build({ ...base, recipientName: person.name });
			await sendMail(tx, { organizerId: ticket.organizerId, to: person.email, ...mail });
			queued++;
		}
	}
	return queued;
}
