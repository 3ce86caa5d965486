import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { externalIdentities, memberships, people, roleAssignments, units, type IdentityProviderRow } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { swedishSortKey } from '../../../sort-key';
import { normalizeEmail } from '../normalize-email';
import type { SsoFailure } from './sso-failure';

/** What a provider said about the account, reduced to what matching needs. */
export type AccountClaims = {
	/** The stable subject: Entra's oid, else sub. */
	subject: string;
	email: string | null;
	emailVerified: boolean;
	name: string | null;
	/** SAML: the sisSchoolUnitCode sent; a person created just-in-time gets their role at that unit, if it is the organizer's. */
	schoolUnitCode?: string | null;
	/** SAML: the keyed hash of a personnummer, only when the organizer mapped that attribute (decision 054). */
	nationalIdHash?: string | null;
};

export type MatchResult = { personId: string; status: string } | { failure: SsoFailure };

/**
 * Finds the person behind an account of `provider` (decision 050), in this order:
 * 1. an external identity (provider id, subject) already linked, of a person who is still a member of the organizer;
 * 2. only if the provider allows it and the e-mail is verified: the person with that e-mail — but only one whose
 *    identity the provider's organizer may vouch for (a member of that organizer alone, not a system administrator;
 *    decision 018) — and the account is linked to them;
 * 3. only if the provider creates unknown people: a new person and member of the organizer with the default role at
 *    the organizer level, linked. An e-mail already taken by someone else is refused, never merged.
 * Otherwise `unknown_user`. Call inside a transaction; links and creations are audited.
 */
export async function matchAccount(tx: Db, provider: IdentityProviderRow, claims: AccountClaims): Promise<MatchResult> {
	const providerKey = provider.id;
	const [linked] = await tx
		.select({ personId: people.id, status: people.status })
		.from(externalIdentities)
		.innerJoin(people, eq(people.id, externalIdentities.personId))
		.where(and(eq(externalIdentities.provider, providerKey), eq(externalIdentities.subject, claims.subject)));
	if (linked) {
		// A provider vouches only for its organizer's own people: someone who has left the organizer keeps the link
		// (it comes back into force if they return) but cannot sign in through it.
		const [member] = await tx
			.select({ personId: memberships.personId })
			.from(memberships)
			.where(and(eq(memberships.personId, linked.personId), eq(memberships.organizerId, provider.organizerId)));
		if (!member) return { failure: 'unknown_user' };
		if (claims.nationalIdHash)
			await tx
				.update(externalIdentities)
				.set({ nationalIdHash: claims.nationalIdHash })
				.where(and(eq(externalIdentities.provider, providerKey), eq(externalIdentities.subject, claims.subject)));
		return linked;
	}

	const email = claims.email ? normalizeEmail(claims.email) : null;
	if (provider.matchByEmail && email && claims.emailVerified) {
		const [person] = await tx.select({ id: people.id, status: people.status }).from(people).where(eq(people.email, email));
		if (person && (await vouchable(tx, person.id, provider.organizerId, provider.id))) {
			await link(tx, provider, claims, person.id, 'email');
			return { personId: person.id, status: person.status };
		}
	}

	if (!provider.createUnknown) return { failure: 'unknown_user' };
	if (!email) return { failure: 'email' };
	const [taken] = await tx.select({ id: people.id }).from(people).where(eq(people.email, email));
	if (taken) return { failure: 'unknown_user' };
	const name = (claims.name?.trim() || email).slice(0, 200);
	const [person] = await tx
		.insert(people)
		.values({ name, nameSort: swedishSortKey(name), email })
		.returning();
	await tx.insert(memberships).values({ organizerId: provider.organizerId, personId: person.id });
	// The school unit the provider names (sisSchoolUnitCode), when it is one of the organizer's: the role is placed there.
	const [unit] = claims.schoolUnitCode
		? await tx
				.select({ id: units.id })
				.from(units)
				.where(and(eq(units.organizerId, provider.organizerId), eq(units.schoolUnitCode, claims.schoolUnitCode)))
		: [];
	const [role] = await tx
		.insert(roleAssignments)
		.values({ personId: person.id, organizerId: provider.organizerId, unitId: unit?.id ?? null, role: provider.defaultRole })
		.returning();
	await recordAudit(tx, {
		organizerId: provider.organizerId,
		actorId: null,
		action: 'person.create',
		entityType: 'person',
		entityId: person.id,
		changes: { name: [null, person.name], email: [null, person.email], via: `${provider.protocol}:${provider.id}` }
	});
	await recordAudit(tx, {
		organizerId: provider.organizerId,
		actorId: null,
		action: 'role.assign',
		entityType: 'role_assignment',
		entityId: role.id,
		changes: {
			personId: [null, person.id],
			role: [null, role.role],
			unitId: [null, role.unitId],
			via: `${provider.protocol}:${provider.id}`
		}
	});
	await link(tx, provider, claims, person.id, 'created');
	return { personId: person.id, status: person.status };
}

/**
 * Whether the provider's organizer may vouch for this identity: its member alone, no system administrator, and not
 * linked to another account of the same provider already (one account per person and provider).
 */
async function vouchable(tx: Db, personId: string, organizerId: string, providerId: string): Promise<boolean> {
	const [other] = await tx
		.select({ subject: externalIdentities.subject })
		.from(externalIdentities)
		.where(and(eq(externalIdentities.provider, providerId), eq(externalIdentities.personId, personId)))
		.limit(1);
	if (other) return false;
	const orgs = await tx.select({ organizerId: memberships.organizerId }).from(memberships).where(eq(memberships.personId, personId));
	if (orgs.length !== 1 || orgs[0].organizerId !== organizerId) return false;
	const [admin] = await tx
		.select({ id: roleAssignments.id })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.role, 'system_admin')))
		.limit(1);
	return !admin;
}

async function link(tx: Db, provider: IdentityProviderRow, claims: AccountClaims, personId: string, how: 'email' | 'created') {
	await tx
		.insert(externalIdentities)
		.values({ provider: provider.id, subject: claims.subject, personId, nationalIdHash: claims.nationalIdHash ?? null });
	await recordAudit(tx, {
		organizerId: provider.organizerId,
		actorId: personId,
		action: 'sso.identity_link',
		entityType: 'person',
		entityId: personId,
		changes: { provider: provider.id, how }
	});
}
