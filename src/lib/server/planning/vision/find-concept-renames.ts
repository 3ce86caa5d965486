import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { auditEvents } from '../../db/schema';

/** One earlier name of a concept: what it was called, and when it was renamed. */
export type EarlierName = { name: string; until: string };

/**
 * The earlier names of the organizer's key concepts, newest first per concept id, read from their
 * concept.rename audit entries (renameConcept keeps the old name there rather than in a table of its own;
 * the lookup goes by the audit log's entity index). No actor check: the caller (getCommonFramework) has
 * checked that the framework may be read.
 */
export async function findConceptRenames(db: Db, organizerId: string, conceptIds: string[]): Promise<Map<string, EarlierName[]>> {
	const out = new Map<string, EarlierName[]>();
	if (!conceptIds.length) return out;
	const rows = await db
		.select({ conceptId: auditEvents.entityId, changes: auditEvents.changes, createdAt: auditEvents.createdAt })
		.from(auditEvents)
		.where(
			and(
				eq(auditEvents.organizerId, organizerId),
				eq(auditEvents.entityType, 'planning_concept'),
				inArray(auditEvents.entityId, conceptIds),
				eq(auditEvents.action, 'concept.rename')
			)
		)
		.orderBy(asc(auditEvents.id));
	for (const r of rows) {
		const before = (r.changes as { name?: [unknown, unknown] }).name?.[0];
		if (!r.conceptId || typeof before !== 'string') continue;
		out.set(r.conceptId, [{ name: before, until: r.createdAt.toISOString() }, ...(out.get(r.conceptId) ?? [])]);
	}
	return out;
}
