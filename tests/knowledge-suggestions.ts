/**
 * Shared set-up for the specs of suggestions while filing: an organizer with a unit, a teacher, a student,
 * a category per chain, and solved cases marked (or not) as self-help material.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';
import { supportCategories, tickets } from '../src/lib/server/db/schema';
import { swedishSortKey } from '../src/lib/sort-key';
import type { Actor } from '../src/lib/server/policies';
import { buildActor, buildOrganizer, buildTicket, buildUnit, moveTicket } from './factories';

export async function buildCategory(db: Db, organizerId: string, name: string, chain: 'technical' | 'pedagogical' = 'technical') {
	const [row] = await db
		.insert(supportCategories)
		.values({ organizerId, chain, name, nameSort: swedishSortKey(name) })
		.returning();
	return row;
}

/** An organizer where a teacher (staff) and a student may file (students are allowed to), with two categories of the technical chain. */
export async function buildFilingScene(db: Db) {
	// Students may file here (the organizer's support settings), so their short form and its suggestions are in play.
	const org = await buildOrganizer(db, { settings: { support: { allowStudents: true } } });
	const unit = await buildUnit(db, { organizerId: org.id });
	const teacher = await buildActor(db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
	const student = await buildActor(db, [{ role: 'student', organizerId: org.id, unitId: unit.id }]);
	const handler = await buildActor(db, [{ role: 'technical_key_person', organizerId: org.id, unitId: unit.id }]);
	const accounts = await buildCategory(db, org.id, 'Konton och inloggning');
	const printers = await buildCategory(db, org.id, 'Skrivare');
	return { org, organizerId: org.id, unit, teacher, student, handler, accounts, printers };
}

/** A case filed by `requester`, solved with `solution` and, unless told otherwise, flagged as self-help material. */
export async function buildSolvedCase(
	db: Db,
	o: {
		organizerId: string;
		unitId: string;
		requester: Actor;
		handler: Actor;
		categoryId: string;
		title: string;
		solution: string;
		selfHelp?: boolean;
	}
) {
	const { ticket } = await buildTicket(db, {
		organizerId: o.organizerId,
		unitId: o.unitId,
		requester: o.requester,
		input: { categoryId: o.categoryId, title: o.title, description: `${o.title}. Jag har försökt flera gånger.` }
	});
	const solved = await moveTicket(db, ticket, { stateTo: 'solved', handlerId: o.handler.personId, body: o.solution });
	const [row] = await db
		.update(tickets)
		.set({ selfHelpSuggested: o.selfHelp ?? true })
		.where(eq(tickets.id, solved.id))
		.returning();
	return row;
}
