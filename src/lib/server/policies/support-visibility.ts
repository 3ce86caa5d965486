import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor';
import { CASE_OVERSEERS, CENTRAL_OF, KEY_PERSON_OF, KEY_ROLES, type Role } from './roles';
import type { Chain } from './support';

/*
 * The SQL twins of the support rules in support.ts: WHERE conditions on `tickets` that list exactly the cases
 * `can(actor, 'ticket.view' | 'ticket.work', …)` allows, built from the same role lists (roles.ts).
 * support-visibility.db.spec.ts proves the two agree case by case.
 */
/** loadAncestorIds walks at most this many steps up; the SQL walks as many down so both agree. */
const MAX_DEPTH = 20;

const uuidList = (ids: string[]) =>
	sql.join(
		ids.map((id) => sql`${id}::uuid`),
		sql`, `
	);

/** The actor's roles at this organizer, split into organizer-wide roles and unit roles. */
function rolesAt(actor: Actor, organizerId: string) {
	const mine = actor.assignments.filter((a) => a.organizerId === organizerId);
	return {
		orgWide: (roles: readonly Role[]) => mine.some((a) => a.unitId === null && roles.includes(a.role)),
		unitsWith: (roles: readonly Role[]) => [...new Set(mine.flatMap((a) => (a.unitId && roles.includes(a.role) ? [a.unitId] : [])))]
	};
}

/**
 * `tickets.unit_id` is one of these units or lies below one of them (the SQL twin of the
 * policies' "role at the case's unit or an ancestor").
 */
export function unitOrBelow(organizerId: string, unitIds: string[]): SQL {
	if (!unitIds.length) return sql`false`;
	return sql`tickets.unit_id IN (
		WITH RECURSIVE down(id, depth) AS (
			SELECT id, 0 FROM units WHERE organizer_id = ${organizerId} AND id IN (${uuidList(unitIds)})
			UNION ALL
			SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < ${sql.raw(String(MAX_DEPTH))}
		) SELECT id FROM down)`;
}

/** Cases a team of the actor holds now or has held (ticket_teams). */
function heldByMyTeams(teamIds: string[]): SQL | null {
	if (!teamIds.length) return null;
	const list = uuidList(teamIds);
	return sql`(tickets.team_id IN (${list}) OR EXISTS (SELECT 1 FROM ticket_teams tt WHERE tt.ticket_id = tickets.id AND tt.team_id IN (${list})))`;
}

/**
 * WHERE clause (on `tickets`) for the cases of one organizer the actor may see: the SQL
 * mirror of `canSupport(actor, 'ticket.view', …)`. Requester or filer; organization
 * administrators and central support see every case; key people the cases at their units
 * and below; team members the cases their teams hold or have held. Null actor: nothing.
 */
export function visibleTicketsWhere(actor: Actor | null, organizerId: string): SQL {
	const org = sql`tickets.organizer_id = ${organizerId}`;
	if (!actor) return sql`false`;
	const { orgWide, unitsWith } = rolesAt(actor, organizerId);
	if (orgWide(CASE_OVERSEERS)) return org;
	const any: SQL[] = [sql`tickets.requester_id = ${actor.personId}`, sql`tickets.filed_by_id = ${actor.personId}`];
	const keyUnits = unitsWith(KEY_ROLES);
	if (keyUnits.length) any.push(unitOrBelow(organizerId, keyUnits));
	const teams = heldByMyTeams(actor.teamIds ?? []);
	if (teams) any.push(teams);
	return sql`(${org} AND (${sql.join(any, sql` OR `)}))`;
}

/**
 * WHERE clause for the cases the actor may work at their current line: the SQL mirror of
 * `ticket.work`. Line 1: the chain's key person at the unit or above, or the chain's central
 * support; line 2: the chain's central support or the holding team; line 3: the holding team.
 */
export function workableTicketsWhere(actor: Actor | null, organizerId: string): SQL {
	if (!actor) return sql`false`;
	const { orgWide, unitsWith } = rolesAt(actor, organizerId);
	const teams = actor.teamIds ?? [];
	const byTeam = teams.length ? sql`tickets.team_id IN (${uuidList(teams)})` : sql`false`;
	const parts: SQL[] = [];
	for (const chain of ['technical', 'pedagogical'] as Chain[]) {
		const central = orgWide([CENTRAL_OF[chain]]);
		const keyUnits = unitsWith([KEY_PERSON_OF[chain]]);
		const line1 = central ? sql`true` : unitOrBelow(organizerId, keyUnits);
		const line2 = central ? sql`true` : byTeam;
		parts.push(
			sql`(tickets.chain = ${chain} AND ((tickets.line = 1 AND ${line1}) OR (tickets.line = 2 AND ${line2}) OR (tickets.line = 3 AND ${byTeam})))`
		);
	}
	return sql`(tickets.organizer_id = ${organizerId} AND (${sql.join(parts, sql` OR `)}))`;
}

/** Units (with everything below them) where the actor holds a key-person role: the view "my units". */
export function myUnitsWhere(actor: Actor | null, organizerId: string): SQL {
	if (!actor) return sql`false`;
	return unitOrBelow(organizerId, rolesAt(actor, organizerId).unitsWith(KEY_ROLES));
}
