import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, supportCategories, units } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { CAUSES, NOTE_AUDIENCES } from '../constants';
import { getTicket } from '../tickets/get-ticket';
import { findAssignees } from './find-assignees';
import { findTeamsForLine, teamName, type TeamOption } from './find-teams';
import { STATE_TRANSITIONS, isOpen, nextLine, otherChain, previousLine } from './rules';
import { readTogether } from '../../db/read-together';
import { shownNames } from '../privacy/shown-names';

/**
 * Everything the handling page shows and offers for one case, for someone who may work it
 * at its current line (NOT_FOUND if they cannot see it, FORBIDDEN if they only watch it).
 * Only the fields the page needs: no description, attachments or SLA internals.
 */
export async function getHandlingView(db: Db, opts: { actor: Actor | null; organizerId: string; number: number }) {
	const { ticket, resource } = await getTicket(db, { ...opts, action: 'ticket.work' });
	const personIds = [ticket.requesterId, ticket.filedById, ticket.assigneeId].filter((id): id is string => !!id);
	const [names, [unit], [category], team] = await readTogether(db, [
		() =>
			db
				.select({ id: people.id, name: people.name, protectedIdentity: people.protectedIdentity })
				.from(people)
				.where(inArray(people.id, personIds)),
		() => db.select({ name: units.name }).from(units).where(eq(units.id, ticket.unitId)),
		() =>
			ticket.categoryId
				? db.select({ name: supportCategories.name }).from(supportCategories).where(eq(supportCategories.id, ticket.categoryId))
				: Promise.resolve([]),
		() => teamName(db, ticket.teamId)
	]);
	const shown = await shownNames(db, { actor: opts.actor, organizerId: ticket.organizerId, people: names, via: `ticket:${ticket.number}` });
	const nameOf = (id: string | null) => (id ? (shown.get(id) ?? null) : null);
	const open = isOpen(ticket.state);
	const up = nextLine(ticket.line);
	const escalationTeams: TeamOption[] =
		open && up ? await findTeamsForLine(db, { organizerId: ticket.organizerId, chain: ticket.chain, line: up as 2 | 3 }) : [];
	return {
		ticket: {
			number: ticket.number,
			title: ticket.title,
			state: ticket.state,
			chain: ticket.chain,
			line: ticket.line,
			urgency: ticket.urgency,
			teamName: team,
			assigneeId: ticket.assigneeId,
			assigneeName: nameOf(ticket.assigneeId),
			requesterName: nameOf(ticket.requesterId),
			filedByName: ticket.filedById !== ticket.requesterId ? nameOf(ticket.filedById) : null,
			unitName: unit?.name ?? '',
			categoryName: category?.name ?? null,
			isOpen: open,
			merged: ticket.mergedIntoId !== null
		},
		me: opts.actor!.personId,
		assignees: open ? await findAssignees(db, resource, opts.actor) : [],
		states: STATE_TRANSITIONS[ticket.state as keyof typeof STATE_TRANSITIONS] ?? [],
		nextLine: open ? up : null,
		previousLine: open ? previousLine(ticket.line) : null,
		escalationTeams,
		otherChain: otherChain(ticket.chain),
		causes: CAUSES,
		/** Whom a new internal note may be for; empty for a supplier, whose notes always go to all lines. */
		noteAudiences: can(opts.actor, 'ticket.staff_notes', resource) ? NOTE_AUDIENCES : []
	};
}

export type HandlingView = Awaited<ReturnType<typeof getHandlingView>>;
