import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import { auditEvents, people, units } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { nextIsoDate, startOfStockholmDay } from '../../calendar-date';
import { swedishSortKey } from '../../sort-key';
import { parseAuditFilter } from './audit-filter';
import { auditScope } from './queries';

export type FindAuditEventsOptions = {
	actor: Actor | null;
	organizerId: string;
	/** Raw filter input (the GET form's fields); validated here. */
	filter?: Record<string, string | undefined>;
	/** Page size; at most 200. */
	limit?: number;
};

export type AuditEventRow = Awaited<ReturnType<typeof findAuditEvents>>['rows'][number];

const actorPerson = alias(people, 'actor_person');
const entityPerson = alias(people, 'entity_person');

/** Escapes LIKE wildcards so a search for "50%" means those characters. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of an organizer's audit log, newest first, with keyset paging on id:
 * pass the returned `nextCursor` as `filter.before` for the next page.
 * Only organization administrators may read it. Bad filter input throws INVALID with field issues.
 */
export async function findAuditEvents(db: Db, opts: FindAuditEventsOptions) {
	authorize(opts.actor, 'audit.view', { type: 'organizer', organizerId: opts.organizerId });
	const filter = parseAuditFilter(opts.filter ?? {});
	const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 200);
	const conditions: (SQL | undefined)[] = [auditScope(opts.organizerId)];
	if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
	if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
	if (filter.from) conditions.push(gte(auditEvents.createdAt, startOfStockholmDay(filter.from)));
	if (filter.to) conditions.push(lt(auditEvents.createdAt, startOfStockholmDay(nextIsoDate(filter.to))));
	if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
	if (filter.actor) {
		const pattern = `%${likeEscape(swedishSortKey(filter.actor))}%`;
		conditions.push(sql`${actorPerson.nameSort} like ${pattern}`);
		// Whoever may not see people with protected identity cannot find them by name either.
		if (!can(opts.actor, 'person.view', { type: 'person', organizerId: opts.organizerId, protectedIdentity: true })) {
			conditions.push(eq(actorPerson.protectedIdentity, false));
		}
	}
	const rows = await db
		.select({
			id: auditEvents.id,
			createdAt: auditEvents.createdAt,
			action: auditEvents.action,
			entityType: auditEvents.entityType,
			entityId: auditEvents.entityId,
			changes: auditEvents.changes,
			actorId: auditEvents.actorId,
			actorName: actorPerson.name,
			actorProtected: actorPerson.protectedIdentity,
			entityPersonName: entityPerson.name,
			entityPersonProtected: entityPerson.protectedIdentity,
			entityUnitName: units.name
		})
		.from(auditEvents)
		.leftJoin(actorPerson, eq(actorPerson.id, auditEvents.actorId))
		.leftJoin(entityPerson, and(eq(auditEvents.entityType, 'person'), sql`${auditEvents.entityId} = ${entityPerson.id}::text`))
		.leftJoin(
			units,
			and(eq(auditEvents.entityType, 'unit'), sql`${auditEvents.entityId} = ${units.id}::text`, eq(units.organizerId, opts.organizerId))
		)
		.where(and(...conditions))
		.orderBy(desc(auditEvents.id))
		.limit(limit + 1);
	const more = rows.length > limit;
	const page = more ? rows.slice(0, limit) : rows;
	return { rows: page, nextCursor: more ? page[page.length - 1].id : null, filter };
}
