import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, supportCategories, supportTeams, ticketAttachments, ticketEvents, units } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { getSupportSettings } from '../settings';
import { getTicket } from './get-ticket';
import { reopenDeadline } from './reopen-ticket';
import { readTogether } from '../../db/read-together';
import { shownNames } from '../privacy/shown-names';
import { describeCaseDevice } from '../../devices/describe-case-device';

/**
 * Everything the case page shows: the case, its timeline (internal notes only for those with
 * `ticket.internal`), attachments of the events shown, and the names the timeline refers to.
 * NOT_FOUND when the actor may not see the case.
 */
export async function getTicketTimeline(db: Db, opts: { actor: Actor | null; organizerId: string; number: number; now?: Date }) {
	const { ticket, resource } = await getTicket(db, opts);
	const internal = can(opts.actor, 'ticket.internal', resource);
	const staffNotes = can(opts.actor, 'ticket.staff_notes', resource);
	/** Internal events for those who read them; a note for the organization's staff not for suppliers. */
	const shownTo = (e: { public: boolean; kind: string; audience: string }) =>
		e.public || (internal && (e.kind !== 'note' || e.audience === 'all_lines' || staffNotes));
	const events = (
		await db
			.select()
			.from(ticketEvents)
			.where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.organizerId, ticket.organizerId)))
			.orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id))
	).filter(shownTo);
	const shownEventIds = new Set(events.map((e) => e.id));
	const attachments = (
		await db
			.select({
				id: ticketAttachments.id,
				eventId: ticketAttachments.eventId,
				fileName: ticketAttachments.fileName,
				contentType: ticketAttachments.contentType,
				sizeBytes: ticketAttachments.sizeBytes
			})
			.from(ticketAttachments)
			.where(and(eq(ticketAttachments.ticketId, ticket.id), eq(ticketAttachments.organizerId, ticket.organizerId)))
			.orderBy(asc(ticketAttachments.createdAt))
	).filter((a) => a.eventId === null || shownEventIds.has(a.eventId));

	const personIds = [...new Set([ticket.requesterId, ticket.filedById, ...events.flatMap((e) => (e.actorId ? [e.actorId] : []))])];
	const teamIds = [...new Set([ticket.teamId, ...events.map((e) => e.data?.teamId)].filter((x): x is string => typeof x === 'string'))];
	const [names, teams, [unit], [category], settings, device] = await readTogether(db, [
		() =>
			db
				.select({ id: people.id, name: people.name, protectedIdentity: people.protectedIdentity })
				.from(people)
				.where(inArray(people.id, personIds)),
		() =>
			teamIds.length
				? db.select({ id: supportTeams.id, name: supportTeams.name }).from(supportTeams).where(inArray(supportTeams.id, teamIds))
				: [],
		() =>
			db
				.select({ name: units.name })
				.from(units)
				.where(and(eq(units.id, ticket.unitId), eq(units.organizerId, ticket.organizerId))),
		() =>
			ticket.categoryId
				? db
						.select({ name: supportCategories.name })
						.from(supportCategories)
						.where(and(eq(supportCategories.id, ticket.categoryId), eq(supportCategories.organizerId, ticket.organizerId)))
				: [],
		() => getSupportSettings(db, ticket.organizerId),
		() => describeCaseDevice(db, { actor: opts.actor, organizerId: ticket.organizerId, deviceId: ticket.deviceId })
	]);
	const deadline = reopenDeadline(ticket, settings.reopenDays);
	const shown = await shownNames(db, { actor: opts.actor, organizerId: ticket.organizerId, people: names, via: `ticket:${ticket.number}` });
	return {
		ticket,
		/** The case as the policies see it (for further `can` questions about this viewer). */
		resource,
		events,
		attachments,
		/** Names as this actor may see them (pseudonyms for protected identity, see shownNames). */
		people: shown,
		teams: new Map(teams.map((t) => [t.id, t.name])),
		unitName: unit?.name ?? '',
		categoryName: category?.name ?? null,
		/** The registered device the case is about: its label, and its id when the viewer may open it. */
		device,
		can: {
			internal,
			work: can(opts.actor, 'ticket.work', resource),
			respond: can(opts.actor, 'ticket.respond', resource),
			rate: can(opts.actor, 'ticket.rate', resource) && ticket.rating == null,
			reopen: can(opts.actor, 'ticket.respond', resource) && !!deadline && (opts.now ?? new Date()) <= deadline
		},
		reopenUntil: deadline
	};
}
export type TicketTimeline = Awaited<ReturnType<typeof getTicketTimeline>>;
