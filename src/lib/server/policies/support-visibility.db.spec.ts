// Covers: visibleTicketsWhere, workableTicketsWhere, myUnitsWhere, can (ticket.view, ticket.work).
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTeam, buildTicket, buildUnit } from '../../../../tests/factories';
import { tickets, ticketTeams } from '../db/schema';
import { can, type Actor } from './index';
import { ticketResource } from '../support/tickets/ticket-resource';
import { myUnitsWhere, visibleTicketsWhere, workableTicketsWhere } from './support-visibility';
import { KEY_ROLES } from './roles';

const t = useTestDatabase();

/** An organizer with a unit tree, teams, cases in every corner and people in every role. */
async function world() {
	const org = await buildOrganizer(t.db);
	const root = await buildUnit(t.db, { organizerId: org.id, kind: 'forvaltning', name: 'Förvaltningen' });
	const area = await buildUnit(t.db, { organizerId: org.id, kind: 'rektorsomrade', parentId: root.id });
	const schoolA = await buildUnit(t.db, { organizerId: org.id, parentId: area.id });
	const schoolB = await buildUnit(t.db, { organizerId: org.id, parentId: area.id });
	const schoolC = await buildUnit(t.db, { organizerId: org.id, parentId: root.id });
	const at = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = null) =>
		buildActor(t.db, [{ role, organizerId: org.id, unitId }]);
	const mentor = await at('staff', root.id);
	const teacher = await at('staff', root.id);
	const central2 = await at('staff', root.id);
	const supplier = await buildActor(t.db, []);
	const line2 = await buildTeam(t.db, { organizerId: org.id, line: 2, memberIds: [central2.personId] });
	const line3 = await buildTeam(t.db, { organizerId: org.id, line: 3, memberIds: [supplier.personId] });
	const pedTeam = await buildTeam(t.db, { organizerId: org.id, chain: 'pedagogical', line: 2 });
	const file = async (unitId: string, requester: Actor, chain: 'technical' | 'pedagogical' = 'technical') =>
		(await buildTicket(t.db, { organizerId: org.id, unitId, requester, input: { chain } })).ticket;
	const escalate = async (id: string, line: 2 | 3, teams: string[]) => {
		await t.db
			.update(tickets)
			.set({ line, teamId: teams.at(-1) })
			.where(eq(tickets.id, id));
		for (const teamId of teams) await t.db.insert(ticketTeams).values({ ticketId: id, teamId });
	};
	const cases = [
		await file(schoolA.id, mentor),
		await file(schoolA.id, teacher, 'pedagogical'),
		await file(schoolB.id, teacher),
		await file(schoolC.id, mentor),
		await file(root.id, mentor, 'pedagogical'),
		await file(area.id, teacher)
	];
	await escalate(cases[2].id, 2, [line2.id]);
	await escalate(cases[3].id, 3, [line2.id, line3.id]);
	await escalate(cases[1].id, 2, [pedTeam.id]);
	// Held by the supplier without a ticket_teams row: the current team alone must be enough.
	await t.db.update(tickets).set({ line: 3, teamId: line3.id }).where(eq(tickets.id, cases[5].id));
	// Filed by a mentor for a student: both see it.
	const student = await at('student', schoolB.id);
	await t.db.update(tickets).set({ requesterId: student.personId }).where(eq(tickets.id, cases[0].id));
	// Another organizer's case: nobody here sees it.
	await buildTicket(t.db);
	// A supplier team owned by another organizer that also serves this one: it holds one case here and one at home.
	const home = await buildOrganizer(t.db);
	const foreignSupplier = await buildActor(t.db, [{ role: 'supplier', organizerId: home.id }]);
	const foreignTeam = await buildTeam(t.db, {
		organizerId: home.id,
		chain: 'pedagogical',
		line: 3,
		memberIds: [foreignSupplier.personId],
		alsoServes: [org.id]
	});
	await escalate(cases[4].id, 3, [foreignTeam.id]);
	const homeCase = (await buildTicket(t.db, { organizerId: home.id })).ticket;
	await t.db.update(tickets).set({ line: 3, teamId: foreignTeam.id }).where(eq(tickets.id, homeCase.id));
	const personas: Record<string, Actor | null> = {
		mentor,
		teacher,
		student,
		central2: await (await import('../auth/load-actor')).loadActor(t.db, central2.personId),
		supplier: await (await import('../auth/load-actor')).loadActor(t.db, supplier.personId),
		foreignSupplier: await (await import('../auth/load-actor')).loadActor(t.db, foreignSupplier.personId),
		orgAdmin: await at('org_admin'),
		centralTech: await at('central_technical_support'),
		centralPed: await at('central_pedagogical_support'),
		keyRoot: await at('technical_key_person', root.id),
		keyArea: await at('pedagogical_key_person', area.id),
		keySchoolB: await at('technical_key_person', schoolB.id),
		principalA: await at('principal', schoolA.id),
		leadership: await at('leadership'),
		reader: await at('reader'),
		outsider: await buildActor(t.db, [{ role: 'org_admin', organizerId: (await buildOrganizer(t.db)).id }]),
		nobody: null
	};
	return { org, personas };
}

async function idsWhere(where: ReturnType<typeof visibleTicketsWhere>) {
	const rows = await t.db.select({ id: tickets.id }).from(tickets).where(where);
	return rows.map((r) => r.id).sort();
}

async function idsByPolicy(organizerId: string, actor: Actor | null, action: 'ticket.view' | 'ticket.work') {
	const rows = await t.db.select().from(tickets).where(eq(tickets.organizerId, organizerId));
	const out: string[] = [];
	for (const row of rows) if (can(actor, action, await ticketResource(t.db, row))) out.push(row.id);
	return out.sort();
}

describe('which cases the queue may list', () => {
	it('lists exactly the cases the policies let each persona view', async () => {
		const { org, personas } = await world();
		const seen: Record<string, number> = {};
		for (const [name, actor] of Object.entries(personas)) {
			const bySql = await idsWhere(visibleTicketsWhere(actor, org.id));
			expect(bySql, `ticket.view for ${name}`).toEqual(await idsByPolicy(org.id, actor, 'ticket.view'));
			seen[name] = bySql.length;
		}
		// The world is rich enough that the rule matters: some see all, some some, some none.
		expect(seen).toMatchObject({
			orgAdmin: 6,
			centralTech: 6,
			outsider: 0,
			nobody: 0,
			leadership: 0,
			principalA: 0,
			supplier: 2,
			foreignSupplier: 1
		});
		expect(seen.keyArea).toBeGreaterThan(0);
		expect(seen.keyArea).toBeLessThan(6);
	});

	it('lists exactly the cases each persona may work at the current line', async () => {
		const { org, personas } = await world();
		for (const [name, actor] of Object.entries(personas)) {
			const bySql = await idsWhere(workableTicketsWhere(actor, org.id));
			expect(bySql, `ticket.work for ${name}`).toEqual(await idsByPolicy(org.id, actor, 'ticket.work'));
		}
	});

	it('never reaches into another organizer, whatever the roles elsewhere', async () => {
		const { org, personas } = await world();
		const other = await buildOrganizer(t.db);
		const ids = await idsWhere(visibleTicketsWhere(personas.orgAdmin, other.id));
		expect(ids).toEqual([]);
		const count = await t.db
			.select({ n: sql<number>`count(*)::int` })
			.from(tickets)
			.where(and(visibleTicketsWhere(personas.centralTech, org.id)));
		expect(count[0].n).toBe(6);
	});

	it('lists under "my units" exactly the cases the key-person roles alone let each persona view', async () => {
		const { org, personas } = await world();
		const sizes: number[] = [];
		for (const [name, actor] of Object.entries(personas)) {
			if (!actor) continue;
			// The same person with nothing but their key-person roles: no own cases, no teams.
			const keyOnly: Actor = {
				personId: crypto.randomUUID(),
				name,
				assignments: actor.assignments.filter((a) => KEY_ROLES.includes(a.role))
			};
			const bySql = await idsWhere(and(eq(tickets.organizerId, org.id), myUnitsWhere(actor, org.id))!);
			expect(bySql, `my units for ${name}`).toEqual(await idsByPolicy(org.id, keyOnly, 'ticket.view'));
			sizes.push(bySql.length);
		}
		expect(Math.max(...sizes)).toBe(6);
		expect(sizes.some((n) => n > 0 && n < 6)).toBe(true);
	});

	it('agrees with the rule for a person whose roles change, case by case (the lists are shared)', async () => {
		const { org, personas } = await world();
		const mentor = personas.mentor!;
		const asCentral: Actor = {
			...mentor,
			assignments: [...mentor.assignments, { organizerId: org.id, unitId: null, role: 'central_pedagogical_support' }]
		};
		const before = await idsWhere(visibleTicketsWhere(mentor, org.id));
		const after = await idsWhere(visibleTicketsWhere(asCentral, org.id));
		expect(after).toEqual(await idsByPolicy(org.id, asCentral, 'ticket.view'));
		expect(after.length).toBe(6);
		expect(before.length).toBeLessThan(6);
		expect(await idsWhere(workableTicketsWhere(asCentral, org.id))).toEqual(await idsByPolicy(org.id, asCentral, 'ticket.work'));
	});
});
