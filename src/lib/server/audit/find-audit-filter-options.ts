import { asc } from 'drizzle-orm';
import type { Db } from '../db';
import { auditEvents } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { auditScope } from './queries';

/** The actions and record types present in an organizer's audit log, for the filter's select boxes. */
export async function findAuditFilterOptions(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'audit.view', { type: 'organizer', organizerId: opts.organizerId });
	const scope = auditScope(opts.organizerId);
	const actions = await db.selectDistinct({ value: auditEvents.action }).from(auditEvents).where(scope).orderBy(asc(auditEvents.action));
	const entityTypes = await db
		.selectDistinct({ value: auditEvents.entityType })
		.from(auditEvents)
		.where(scope)
		.orderBy(asc(auditEvents.entityType));
	return { actions: actions.map((r) => r.value), entityTypes: entityTypes.map((r) => r.value) };
}
