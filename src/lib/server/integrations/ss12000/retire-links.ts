import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, people, roleAssignments, sessions, ss12000Links, units } from '../../db/schema';
import { auditMany, chunks, entityError, note, type SyncContext } from './sync-context';

/**
 * Entities the source no longer has (its /deletedEntities, or a full sync that did not see them). Nothing is deleted
 * here: a gone duty ends its role assignment (the day before today), a gone person loses the assignments the sync
 * gave them and is deactivated (sessions end) when the identity is this organizer's alone (decision 018); a gone
 * organisation's unit is archived; groups are only marked gone.
 */
export async function retireLinks(tx: Db, ctx: SyncContext, entity: string, sourceIds: string[]) {
	for (const ids of chunks(sourceIds, 5000)) {
		const gone = await tx
			.update(ss12000Links)
			.set({ goneAt: new Date() })
			.where(
				and(
					eq(ss12000Links.organizerId, ctx.organizerId),
					eq(ss12000Links.entity, entity),
					inArray(ss12000Links.sourceId, ids),
					isNull(ss12000Links.goneAt),
					// Listed by this very sync (a person deleted and added again within the delta's window): it exists.
					sql`${ss12000Links.seenSyncId} IS DISTINCT FROM ${ctx.syncId}::uuid`
				)
			)
			.returning({ sourceId: ss12000Links.sourceId, localId: ss12000Links.localId });
		const localIds = gone.flatMap((g) => (g.localId ? [g.localId] : []));
		if (localIds.length === 0) continue;
		if (entity === 'duty') await endAssignments(tx, ctx, sql`r.id IN (SELECT unnest(${`{${localIds.join(',')}}`}::uuid[]))`);
		if (entity === 'person') await retirePersons(tx, ctx, localIds);
		if (entity === 'organisation') await archiveUnits(tx, ctx, gone);
	}
}

/**
 * Units the source deleted are archived as the unit tree archives them (archiveUnit): they leave the tree and the
 * pickers, everything that refers to them stays, and a unit with active units under it is left (reported, like the
 * unit page's refusal) until those are moved or archived. Audited as unit.archive via the sync.
 */
async function archiveUnits(tx: Db, ctx: SyncContext, gone: { sourceId: string; localId: string | null }[]) {
	const ids = gone.flatMap((g) => (g.localId ? [g.localId] : []));
	const list = sql`(SELECT unnest(${`{${ids.join(',')}}`}::uuid[]))`;
	const archived = await tx.execute<{ id: string; name: string }>(sql`
		UPDATE units AS u SET archived_at = now(), updated_at = now()
		WHERE u.organizer_id = ${ctx.organizerId} AND u.id IN ${list} AND u.archived_at IS NULL
			AND NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id AND c.archived_at IS NULL)
		RETURNING u.id, u.name`);
	const rows = (Array.isArray(archived) ? archived : (archived as { rows: { id: string; name: string }[] }).rows) as {
		id: string;
		name: string;
	}[];
	for (const r of rows) note(ctx, 'ended', r.name);
	await auditMany(
		tx,
		ctx,
		rows.map((r) => ({ action: 'unit.archive', entityType: 'unit', entityId: r.id, changes: { archivedAt: [null, 'archived'] } }))
	);
	const kept = await tx
		.select({ id: units.id })
		.from(units)
		.where(and(eq(units.organizerId, ctx.organizerId), inArray(units.id, ids), isNull(units.archivedAt)));
	for (const k of kept)
		entityError(ctx, 'organisation', gone.find((g) => g.localId === k.id)!.sourceId, 'ss12000_problem_unit_has_children');
}

/** Ends the sync's still-open role assignments that `where` picks (r = role_assignments), one statement. */
async function endAssignments(tx: Db, ctx: SyncContext, where: ReturnType<typeof sql>) {
	const ended = await tx.execute<{ id: string; person_id: string; role: string }>(sql`
		UPDATE role_assignments AS r SET ends_on = ${ctx.yesterday}::date
		WHERE r.organizer_id = ${ctx.organizerId} AND ${where}
			AND (r.ends_on IS NULL OR r.ends_on >= ${ctx.today}::date)
			AND r.id IN (SELECT l.local_id FROM ss12000_links l
				WHERE l.organizer_id = ${ctx.organizerId} AND l.entity = 'duty' AND l.local_id IS NOT NULL)
		RETURNING r.id, r.person_id, r.role`);
	const rows = (Array.isArray(ended) ? ended : (ended as { rows: { id: string; person_id: string; role: string }[] }).rows) as {
		id: string;
		person_id: string;
		role: string;
	}[];
	for (const r of rows) note(ctx, 'ended', `${r.role} (${r.id})`);
	await auditMany(
		tx,
		ctx,
		rows.map((r) => ({ action: 'role.end', entityType: 'person', entityId: r.person_id, changes: { role: r.role, endsOn: ctx.yesterday } }))
	);
}

async function retirePersons(tx: Db, ctx: SyncContext, personIds: string[]) {
	await endAssignments(tx, ctx, sql`r.person_id IN (SELECT unnest(${`{${personIds.join(',')}}`}::uuid[]))`);
	// Only identities that are this organizer's alone, and no system administrator (decision 018).
	const own = await tx
		.select({ id: people.id, status: people.status, protectedIdentity: people.protectedIdentity, name: people.name })
		.from(people)
		.where(
			and(
				inArray(people.id, personIds),
				eq(people.status, 'active'),
				sql`NOT EXISTS (SELECT 1 FROM ${memberships} m WHERE m.person_id = ${people.id} AND m.organizer_id <> ${ctx.organizerId})`,
				sql`NOT EXISTS (SELECT 1 FROM ${roleAssignments} s WHERE s.person_id = ${people.id} AND s.role = 'system_admin')`
			)
		);
	const ids = own.map((p) => p.id);
	if (ids.length === 0) return;
	await tx.update(people).set({ status: 'inactive', updatedAt: new Date() }).where(inArray(people.id, ids));
	await tx.delete(sessions).where(inArray(sessions.personId, ids));
	for (const p of own) note(ctx, 'deactivated', p.protectedIdentity ? `skyddad person` : p.name);
	await auditMany(
		tx,
		ctx,
		ids.map((id) => ({ action: 'person.deactivate', entityType: 'person', entityId: id, changes: { status: ['active', 'inactive'] } }))
	);
}

/** The links of `entity` a full sync did not see: the source no longer has them. */
export async function unseenLinks(tx: Db, ctx: SyncContext, entity: string): Promise<string[]> {
	const rows = await tx
		.select({ sourceId: ss12000Links.sourceId })
		.from(ss12000Links)
		.where(
			and(
				eq(ss12000Links.organizerId, ctx.organizerId),
				eq(ss12000Links.entity, entity),
				isNull(ss12000Links.goneAt),
				sql`${ss12000Links.seenSyncId} IS DISTINCT FROM ${ctx.syncId}::uuid`
			)
		);
	return rows.map((r) => r.sourceId);
}
