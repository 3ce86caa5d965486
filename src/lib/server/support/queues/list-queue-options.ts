import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCategories, units } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import type { Role } from '../../policies/roles';
import type { QueueView } from './queue-params';

/** The choices of the queue's filter form: the organizer's units and categories, in Swedish order. */
export async function listQueueOptions(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'support.queue', { type: 'support', organizerId: opts.organizerId, unitId: null, ancestorIds: [] });
	const [unitRows, categoryRows] = await Promise.all([
		db
			.select({ id: units.id, name: units.name })
			.from(units)
			.where(and(eq(units.organizerId, opts.organizerId), isNull(units.archivedAt)))
			.orderBy(asc(units.nameSort), asc(units.id)),
		db
			.select({ id: supportCategories.id, name: supportCategories.name, chain: supportCategories.chain })
			.from(supportCategories)
			.where(and(eq(supportCategories.organizerId, opts.organizerId), isNull(supportCategories.archivedAt)))
			.orderBy(asc(supportCategories.chain), asc(supportCategories.nameSort))
	]);
	return { units: unitRows, categories: categoryRows };
}

const HANDLER_ROLES: readonly Role[] = ['technical_key_person', 'pedagogical_key_person', 'central_technical_support', 'central_pedagogical_support'];

/** The tab a queue opens on: "unassigned at my line" for those who handle a line, else everything they may see. */
export function defaultQueueView(actor: Actor, organizerId: string): QueueView {
	const handles = actor.assignments.some((a) => a.organizerId === organizerId && HANDLER_ROLES.includes(a.role)) || (actor.teamIds ?? []).length > 0;
	return handles ? 'unassigned' : 'all';
}
