import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { notificationPreferences, people, roleAssignments, supportTeamMembers, supportTeams } from '../db/schema';
import { actorColumns, actorFromRow, todayInStockholm } from '../auth/load-actor';
import { can, type Actor, type TicketResource } from '../policies';
import { CENTRAL_OF, KEY_PERSON_OF, LINE_HANDLER_ROLES, type Role } from '../policies/roles';
import { emailChoice, type EmailChoice, type NotificationKind, type NotificationProfile } from './kinds';
import type { NotificationTarget } from './notification-targets';

/** One person a notification goes to, with the mail choice in force for its kind. */
export type Recipient = { personId: string; email: string; kind: NotificationKind; mail: EmailChoice };

/** Roles whose notification defaults are a handler's: those who handle a line, and administrators who oversee every case. */
const HANDLER_ROLES: readonly Role[] = [...LINE_HANDLER_ROLES, 'org_admin'];

/** The profile whose defaults apply: handler roles or a line-2 team make a handler, a line-3 team a supplier. */
export function profileOf(actor: Actor, teamLines: number[]): NotificationProfile {
	if (actor.assignments.some((a) => HANDLER_ROLES.includes(a.role)) || teamLines.includes(2)) return 'handler';
	return teamLines.includes(3) ? 'supplier' : 'requester';
}

/** Candidate ids per target: a person, a team's members, or everyone holding a line-1 role for the chain. */
async function candidates(db: Db, target: NotificationTarget, r: TicketResource): Promise<string[]> {
	const a = target.audience;
	if (a.type === 'person') return [a.personId];
	if (a.type === 'team') {
		const rows = await db
			.select({ id: supportTeamMembers.personId })
			.from(supportTeamMembers)
			.where(eq(supportTeamMembers.teamId, a.teamId));
		return rows.map((x) => x.id);
	}
	const rows = await db
		.selectDistinct({ id: roleAssignments.personId })
		.from(roleAssignments)
		.where(
			and(
				eq(roleAssignments.organizerId, r.organizerId),
				or(
					and(eq(roleAssignments.role, KEY_PERSON_OF[r.chain]), inArray(roleAssignments.unitId, [r.unitId, ...r.ancestorIds])),
					and(eq(roleAssignments.role, CENTRAL_OF[r.chain]), isNull(roleAssignments.unitId))
				)
			)
		);
	return rows.map((x) => x.id);
}

/**
 * The people the targets reach (decision 026): active, able to see the case by the ticket view policy (line 1's
 * new cases only those who may work it), never the one who caused the event (except their own receipt), each
 * person once per kind, with their mail choice or their profile's default.
 */
export async function findRecipients(
	db: Db,
	opts: { targets: NotificationTarget[]; resource: TicketResource; actorId: string | null }
): Promise<Recipient[]> {
	const wanted = new Map<string, Set<NotificationKind>>();
	for (const t of opts.targets) {
		for (const id of await candidates(db, t, opts.resource)) {
			if (id === opts.actorId && t.kind !== 'receipt') continue;
			wanted.set(id, (wanted.get(id) ?? new Set()).add(t.kind));
		}
	}
	const ids = [...wanted.keys()];
	if (ids.length === 0) return [];
	const [rows, lines, prefs] = [
		await db
			.select({ id: people.id, name: people.name, status: people.status, email: people.email, ...actorColumns(todayInStockholm()) })
			.from(people)
			.where(inArray(people.id, ids)),
		await db
			.select({ personId: supportTeamMembers.personId, line: supportTeams.line })
			.from(supportTeamMembers)
			.innerJoin(supportTeams, eq(supportTeams.id, supportTeamMembers.teamId))
			.where(and(inArray(supportTeamMembers.personId, ids), sql`${supportTeams.archivedAt} IS NULL`)),
		await db.select().from(notificationPreferences).where(inArray(notificationPreferences.personId, ids))
	];
	const out: Recipient[] = [];
	for (const row of rows) {
		if (row.status !== 'active') continue;
		const actor = actorFromRow(row);
		if (!can(actor, 'ticket.view', opts.resource)) continue;
		const profile = profileOf(
			actor,
			lines.filter((l) => l.personId === row.id).map((l) => Number(l.line))
		);
		const chosen = new Map(prefs.filter((p) => p.personId === row.id).map((p) => [p.kind, p.email]));
		for (const kind of wanted.get(row.id) ?? []) {
			if (kind === 'new_case' && !can(actor, 'ticket.work', opts.resource)) continue;
			out.push({ personId: row.id, email: row.email, kind, mail: emailChoice(profile, kind, chosen) });
		}
	}
	return out;
}
