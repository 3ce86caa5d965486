/**
 * Test data for every tier. Each builder creates what it needs that is missing
 * (a unit without an organizer gets one) and takes overrides for what matters.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/lib/server/db';
import { memberships, organizers, passwordCredentials, people, roleAssignments, units } from '../src/lib/server/db/schema';
import { hashPassword } from '../src/lib/server/auth/password';
import { loadActor } from '../src/lib/server/auth/load-actor';
import type { Role } from '../src/lib/server/policies/roles';
import { swedishSortKey } from '../src/lib/sort-key';

type OrganizerRow = typeof organizers.$inferSelect;
type UnitRow = typeof units.$inferSelect;
type PersonRow = typeof people.$inferSelect;

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export async function buildOrganizer(db: Db, o: Partial<typeof organizers.$inferInsert> = {}): Promise<OrganizerRow> {
	const n = next();
	const [row] = await db
		.insert(organizers)
		.values({ slug: `huvudman-${n}`, name: `Huvudman ${n}`, kind: 'kommun', ...o })
		.returning();
	return row;
}

/** A school unit with a unique skolenhetskod unless told otherwise. */
export async function buildUnit(
	db: Db,
	o: Partial<typeof units.$inferInsert> & { organizer?: OrganizerRow } = {}
): Promise<UnitRow> {
	const organizerId = o.organizerId ?? (o.organizer ?? (await buildOrganizer(db))).id;
	const name = o.name ?? `Skola ${next()}`;
	const kind = o.kind ?? 'skolenhet';
	const code = kind === 'skolenhet' || kind === 'forskoleenhet' ? String(10000000 + Math.floor(Math.random() * 89999999)) : null;
	const [row] = await db
		.insert(units)
		.values({ name, nameSort: swedishSortKey(name), kind, schoolUnitCode: code, ...o, organizerId })
		.returning();
	return row;
}

export type RoleSpec = { role: Role; organizerId?: string | null; unitId?: string | null; startsOn?: string; endsOn?: string };

/** A person, optionally with a password and roles; a member of every organizer a role names (and of memberOf). */
export async function buildPerson(
	db: Db,
	o: Partial<typeof people.$inferInsert> & { password?: string; roles?: RoleSpec[]; memberOf?: string } = {}
): Promise<PersonRow> {
	const { password, roles = [], memberOf, ...rest } = o;
	const name = rest.name ?? `Person ${next()}`;
	const [row] = await db
		.insert(people)
		.values({ name, nameSort: swedishSortKey(name), email: `p-${randomUUID()}@exempel.se`, ...rest })
		.returning();
	if (password) await db.insert(passwordCredentials).values({ personId: row.id, hash: await hashPassword(password) });
	const orgIds = new Set(roles.flatMap((r) => (r.organizerId ? [r.organizerId] : [])));
	if (memberOf) orgIds.add(memberOf);
	for (const organizerId of orgIds) await db.insert(memberships).values({ organizerId, personId: row.id }).onConflictDoNothing();
	for (const r of roles) {
		await db.insert(roleAssignments).values({
			personId: row.id,
			organizerId: r.role === 'system_admin' ? null : r.organizerId!,
			unitId: r.unitId ?? null,
			role: r.role,
			startsOn: r.startsOn,
			endsOn: r.endsOn
		});
	}
	return row;
}

/** A person with roles, returned as the Actor the policies see. */
export async function buildActor(db: Db, roles: RoleSpec[], o: Partial<typeof people.$inferInsert> = {}) {
	const person = await buildPerson(db, { ...o, roles });
	const actor = await loadActor(db, person.id);
	if (!actor) throw new Error('actor not loaded');
	return actor;
}

/** An organizer with an organization administrator, as the Actor the import functions take. */
export async function buildOrgAdmin(db: Db, o: Partial<typeof organizers.$inferInsert> = {}) {
	const organizer = await buildOrganizer(db, o);
	const actor = await buildActor(db, [{ role: 'org_admin', organizerId: organizer.id }]);
	return { organizer, actor };
}
