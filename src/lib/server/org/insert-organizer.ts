import { eq, like } from 'drizzle-orm';
import type { Db } from '../db';
import { accessibilityStatements, memberships, organizers, passwordCredentials, people, roleAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { slugify, swedishSortKey } from '../../sort-key';
import type { OrganizerKind } from './unit-kinds';

export type NewOrganizer = {
	name: string;
	orgNumber: string | null;
	kind: OrganizerKind;
	municipalityCode: string | null;
	adminName: string;
	adminEmail: string;
};

/**
 * The site's own first path segments: an organizer with one of these as its slug could never be reached, since a
 * fixed route wins over `[org]` ("Hjälp" would be /hjalp, the public self-help). Such a name gets "-2" at once.
 */
export const RESERVED_SLUGS = new Set([
	'api',
	'aterstall-losenord',
	'aviseringar',
	'enkat',
	'glomt-losenord',
	'healthz',
	'hjalp',
	'installera',
	'kalender',
	'konto',
	'logga-in',
	'logga-ut',
	's',
	'saml',
	'sprak',
	'system',
	'tillganglighet'
]);

/** A slug not yet taken nor reserved: "exempelkommun", then "exempelkommun-2" … */
async function freeSlug(tx: Db, name: string) {
	const base = slugify(name);
	const taken = new Set(
		(
			await tx
				.select({ slug: organizers.slug })
				.from(organizers)
				.where(like(organizers.slug, `${base}%`))
		).map((r) => r.slug)
	);
	for (const r of RESERVED_SLUGS) taken.add(r);
	if (!taken.has(base)) return base;
	let i = 2;
	while (taken.has(`${base}-${i}`)) i++;
	return `${base}-${i}`;
}

/**
 * Inserts an organizer, its default accessibility statement and its first administrator.
 * An administrator whose e-mail is already known (a shared person) joins the new organizer
 * as they are; otherwise a person is created with `passwordHash`. Call inside a transaction.
 */
export async function insertOrganizerWithAdmin(
	tx: Db,
	input: NewOrganizer,
	opts: { passwordHash: string | null; actorId: string | null; systemAdmin: boolean }
) {
	const [org] = await tx
		.insert(organizers)
		.values({
			slug: await freeSlug(tx, input.name),
			name: input.name,
			orgNumber: input.orgNumber,
			kind: input.kind,
			municipalityCode: input.municipalityCode
		})
		.returning();
	let [person] = await tx.select().from(people).where(eq(people.email, input.adminEmail));
	const existing = Boolean(person);
	if (!person) {
		[person] = await tx
			.insert(people)
			.values({ name: input.adminName, nameSort: swedishSortKey(input.adminName), email: input.adminEmail })
			.returning();
		if (opts.passwordHash) await tx.insert(passwordCredentials).values({ personId: person.id, hash: opts.passwordHash });
	}
	await tx.insert(memberships).values({ organizerId: org.id, personId: person.id });
	await tx
		.insert(roleAssignments)
		.values([
			...(opts.systemAdmin ? [{ personId: person.id, organizerId: null, role: 'system_admin' }] : []),
			{ personId: person.id, organizerId: org.id, role: 'org_admin' }
		]);
	await tx.insert(accessibilityStatements).values({ organizerId: org.id });
	await recordAudit(tx, {
		organizerId: org.id,
		actorId: opts.actorId,
		action: 'organizer.create',
		entityType: 'organizer',
		entityId: org.id,
		changes: { name: [null, org.name], admin: [null, person.email], adminExisted: existing }
	});
	return { organizer: org, person, adminExisted: existing };
}
