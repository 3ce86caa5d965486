/**
 * A small support chain for the handling specs: one organizer and unit, a filed case, and a person
 * for each line (key person, central support, a line-2 team member, a supplier team member).
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';
import { auditEvents, ticketEvents, tickets } from '../src/lib/server/db/schema';
import { loadActor } from '../src/lib/server/auth/load-actor';
import type { Actor } from '../src/lib/server/policies';
import { buildActor, buildOrganizer, buildPerson, buildTeam, buildTicket, buildUnit } from './factories';

async function teamMember(db: Db, organizerId: string, line: 2 | 3, chain: 'technical' | 'pedagogical' = 'technical') {
	const person = await buildPerson(db, line === 2 ? { memberOf: organizerId } : {});
	const team = await buildTeam(db, { organizerId, line, chain, memberIds: [person.id] });
	return { team, actor: (await loadActor(db, person.id)) as Actor };
}

/** A filed technical case at line 1 and the people who may work it at each line. */
export async function buildHandlingScene(db: Db) {
	const org = await buildOrganizer(db);
	const unit = await buildUnit(db, { organizerId: org.id });
	const keyPerson = await buildActor(db, [{ role: 'technical_key_person', organizerId: org.id, unitId: unit.id }]);
	const pedagogicalKeyPerson = await buildActor(db, [{ role: 'pedagogical_key_person', organizerId: org.id, unitId: unit.id }]);
	const central = await buildActor(db, [{ role: 'central_technical_support', organizerId: org.id }]);
	const line2 = await teamMember(db, org.id, 2);
	const line3 = await teamMember(db, org.id, 3);
	const { ticket, requester } = await buildTicket(db, { organizerId: org.id, unitId: unit.id });
	return {
		org,
		unit,
		ticket,
		requester,
		keyPerson,
		pedagogicalKeyPerson,
		central,
		line2,
		line3,
		organizerId: org.id,
		number: ticket.number
	};
}

/** Everything a step may write for one case, to compare before and after a refused step. */
export async function caseSnapshot(db: Db, ticketId: string) {
	const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
	const [{ events }] = await db
		.select({ events: sql<number>`count(*)::int` })
		.from(ticketEvents)
		.where(eq(ticketEvents.ticketId, ticketId));
	const [{ audits }] = await db
		.select({ audits: sql<number>`count(*)::int` })
		.from(auditEvents)
		.where(eq(auditEvents.entityId, ticketId));
	return { ticket, events, audits };
}

/** The case's timeline, oldest first. */
export const eventsOf = (db: Db, ticketId: string) =>
	db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(ticketEvents.id);

/** The audit actions written for a record, oldest first. */
export async function auditActionsOf(db: Db, entityId: string) {
	const rows = await db
		.select({ action: auditEvents.action })
		.from(auditEvents)
		.where(eq(auditEvents.entityId, entityId))
		.orderBy(auditEvents.id);
	return rows.map((r) => r.action);
}
