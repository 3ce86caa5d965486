import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, people, roleAssignments, supportCategories } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { CENTRAL_ROLES, KEY_ROLES } from '../../policies/roles';
import { shownNames } from '../../support/privacy/shown-names';

/** Who may own an article: the people who write the knowledge base. */
const OWNER_ROLES = ['org_admin', ...CENTRAL_ROLES, ...KEY_ROLES];

/**
 * What the article form offers (kb.write): the organizer's categories, the people who write its knowledge base as
 * owners (as the support chain shows names), and whether the actor may publish and tick public and shared.
 */
export async function loadArticleForm(db: Db, opts: { actor: Actor; organizerId: string }) {
	const resource = { type: 'knowledge' as const, organizerId: opts.organizerId };
	authorize(opts.actor, 'kb.write', resource);
	const [categories, writers] = await Promise.all([
		db
			.select({ id: supportCategories.id, name: supportCategories.name, chain: supportCategories.chain })
			.from(supportCategories)
			.where(and(eq(supportCategories.organizerId, opts.organizerId), isNull(supportCategories.archivedAt)))
			.orderBy(asc(supportCategories.chain), asc(supportCategories.nameSort)),
		db
			.selectDistinct({ id: people.id, name: people.name, nameSort: people.nameSort, protectedIdentity: people.protectedIdentity })
			.from(roleAssignments)
			.innerJoin(people, eq(people.id, roleAssignments.personId))
			.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, opts.organizerId)))
			.where(
				and(eq(roleAssignments.organizerId, opts.organizerId), inArray(roleAssignments.role, OWNER_ROLES), eq(people.status, 'active'))
			)
			.orderBy(asc(people.nameSort))
	]);
	const names = await shownNames(db, { ...opts, people: writers, via: 'knowledge' });
	return {
		categories,
		owners: writers.map((w) => ({ id: w.id, name: names.get(w.id) ?? w.name })),
		canPublish: can(opts.actor, 'kb.publish', resource)
	};
}
