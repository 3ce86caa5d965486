import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { accessibilityStatements, memberships, organizers, passwordCredentials, people, roleAssignments, units } from '../db/schema';
import { swedishSortKey } from '../../sort-key';
import { DEMO_ORGANIZER, type DemoPlan } from './plan-demo';
import { DEMO_STATEMENT } from './demo-statement';
import type { AssignableRole } from './plan-demo-people';

/** A created demo person as later generators see it. unitKey null = organizer-wide. */
export type DemoPersonRef = { id: string; name: string; email: string; unitKey: string | null };

/** A demo sign-in printed on start. */
export type DemoSignIn = { email: string; label: string };

/** What the demo created, keyed by purpose so later generators can build on it. */
export type DemoOrganizer = {
	organizerId: string;
	/** Unit ids by plan key ('bou', 'ro-norr', 'solbacka' …; see demo-units.ts). */
	units: Record<string, string>;
	/** The plan of every unit (kind, school types, code), by key. */
	unitPlans: DemoPlan['units'];
	/** Holders of each role; a person with two roles is in both lists. */
	people: Record<AssignableRole, DemoPersonRef[]>;
	signIns: DemoSignIn[];
};

const emptyRoles = (): Record<AssignableRole, DemoPersonRef[]> => ({
	org_admin: [],
	leadership: [],
	principal: [],
	pedagogical_key_person: [],
	technical_key_person: [],
	central_pedagogical_support: [],
	central_technical_support: [],
	supplier: [],
	staff: [],
	student: [],
	guardian: [],
	reader: [],
	data_protection_officer: []
});

/**
 * Inserts a planned demo organizer with bulk inserts. Call it inside a transaction;
 * it neither checks for an existing demo nor audits (loadDemo does both).
 * The first org admin also becomes system administrator when the instance has none.
 */
export async function buildDemoOrganizer(tx: Db, plan: DemoPlan, passwordHash: string): Promise<DemoOrganizer> {
	const [org] = await tx
		.insert(organizers)
		.values({ ...DEMO_ORGANIZER })
		.returning({ id: organizers.id });
	await tx.insert(accessibilityStatements).values({ organizerId: org.id, ...DEMO_STATEMENT });

	const unitIds: Record<string, string> = Object.fromEntries(plan.units.map((u) => [u.key, randomUUID()]));
	await tx.insert(units).values(
		plan.units.map((u) => ({
			id: unitIds[u.key],
			organizerId: org.id,
			parentId: u.parentKey ? unitIds[u.parentKey] : null,
			name: u.name,
			nameSort: swedishSortKey(u.name),
			kind: u.kind,
			schoolTypes: u.schoolTypes,
			schoolUnitCode: u.schoolUnitCode
		}))
	);

	const rows = plan.people.map((p) => ({ ...p, id: randomUUID() }));
	await tx.insert(people).values(
		rows.map((p) => ({
			id: p.id,
			name: p.name,
			nameSort: swedishSortKey(p.name),
			email: p.email,
			protectedIdentity: p.protectedIdentity
		}))
	);
	await tx.insert(memberships).values(rows.map((p) => ({ organizerId: org.id, personId: p.id })));
	await tx
		.insert(roleAssignments)
		.values(
			rows.flatMap((p) =>
				p.assignments.map((a) => ({ personId: p.id, organizerId: org.id, unitId: a.unitKey ? unitIds[a.unitKey] : null, role: a.role }))
			)
		);
	const signIns = rows.filter((p) => p.signIn);
	if (signIns.length) await tx.insert(passwordCredentials).values(signIns.map((p) => ({ personId: p.id, hash: passwordHash })));

	const firstAdmin = rows.find((p) => p.assignments.some((a) => a.role === 'org_admin'));
	const [anySystemAdmin] = await tx
		.select({ id: roleAssignments.id })
		.from(roleAssignments)
		.where(eq(roleAssignments.role, 'system_admin'))
		.limit(1);
	if (firstAdmin && !anySystemAdmin)
		await tx.insert(roleAssignments).values({ personId: firstAdmin.id, organizerId: null, role: 'system_admin' });

	const byRole = emptyRoles();
	for (const p of rows) {
		for (const a of p.assignments) byRole[a.role].push({ id: p.id, name: p.name, email: p.email, unitKey: a.unitKey });
	}
	return {
		organizerId: org.id,
		units: unitIds,
		unitPlans: plan.units,
		people: byRole,
		signIns: signIns.map((p) => ({ email: p.email, label: p.signIn! }))
	};
}
