import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { roleAssignments, ss12000Links } from '../../db/schema';
import type { SourceDuty } from './source-types';
import { auditMany, entityError, note, upsertLinks, type SyncContext } from './sync-context';

type Assignment = { id: string; personId: string; unitId: string | null; role: string; startsOn: string | null; endsOn: string | null };

async function linksOf(tx: Db, ctx: SyncContext, entity: string, sourceIds: string[]) {
	if (sourceIds.length === 0) return new Map<string, string>();
	const rows = await tx
		.select({ sourceId: ss12000Links.sourceId, localId: ss12000Links.localId })
		.from(ss12000Links)
		.where(and(eq(ss12000Links.organizerId, ctx.organizerId), eq(ss12000Links.entity, entity), inArray(ss12000Links.sourceId, sourceIds)));
	return new Map(rows.filter((r) => r.localId).map((r) => [r.sourceId, r.localId!]));
}

/**
 * One page of duties: each duty whose role is mapped becomes a role assignment of its person at its unit, from its
 * start to its end. A changed duty changes the assignment; an ended one ends it (its end date is kept); a duty whose
 * role is no longer mapped ends it the day before today. A duty already ended when first seen creates nothing.
 */
export async function applyDuties(tx: Db, ctx: SyncContext, duties: SourceDuty[]) {
	const dutyLinks = await linksOf(
		tx,
		ctx,
		'duty',
		duties.map((d) => d.id)
	);
	const personLinks = await linksOf(
		tx,
		ctx,
		'person',
		duties.flatMap((d) => (d.person ? [d.person.id] : []))
	);
	const unitLinks = await linksOf(
		tx,
		ctx,
		'organisation',
		duties.map((d) => d.dutyAt.id)
	);
	const current: Assignment[] = dutyLinks.size
		? await tx
				.select({
					id: roleAssignments.id,
					personId: roleAssignments.personId,
					unitId: roleAssignments.unitId,
					role: roleAssignments.role,
					startsOn: roleAssignments.startsOn,
					endsOn: roleAssignments.endsOn
				})
				.from(roleAssignments)
				.where(and(eq(roleAssignments.organizerId, ctx.organizerId), inArray(roleAssignments.id, [...dutyLinks.values()])))
		: [];
	const byId = new Map(current.map((a) => [a.id, a]));

	const toLink: { sourceId: string; localId: string | null; label?: string }[] = [];
	const toCreate: { sourceId: string; a: Omit<Assignment, 'id'> }[] = [];
	const toUpdate: { sourceId: string; before: Assignment; a: Omit<Assignment, 'id'> }[] = [];
	for (const d of duties) {
		const before = byId.get(dutyLinks.get(d.id) ?? '');
		const role = ctx.roleMap[d.dutyRole];
		const personId = d.person ? personLinks.get(d.person.id) : undefined;
		const unitId = unitLinks.get(d.dutyAt.id);
		if (!role || !personId || !unitId) {
			if (!role) note(ctx, 'skipped');
			else entityError(ctx, 'duty', d.id, !personId ? 'ss12000_problem_duty_no_person' : 'ss12000_problem_duty_no_unit');
			if (before && (before.endsOn === null || before.endsOn >= ctx.today)) {
				toUpdate.push({ sourceId: d.id, before, a: { ...before, endsOn: ctx.yesterday } });
				toLink.push({ sourceId: d.id, localId: before.id, label: d.dutyRole });
			} else toLink.push({ sourceId: d.id, localId: before?.id ?? null, label: d.dutyRole });
			continue;
		}
		const a = { personId, unitId, role, startsOn: d.startDate, endsOn: d.endDate ?? null };
		if (!before) {
			if (a.endsOn !== null && a.endsOn < ctx.today) {
				note(ctx, 'skipped');
				toLink.push({ sourceId: d.id, localId: null, label: d.dutyRole });
			} else toCreate.push({ sourceId: d.id, a });
			continue;
		}
		toLink.push({ sourceId: d.id, localId: before.id, label: d.dutyRole });
		if (
			before.personId === a.personId &&
			before.unitId === a.unitId &&
			before.role === a.role &&
			before.startsOn === a.startsOn &&
			before.endsOn === a.endsOn
		)
			note(ctx, 'unchanged');
		else toUpdate.push({ sourceId: d.id, before, a });
	}

	const audits: Parameters<typeof auditMany>[2] = [];
	if (toCreate.length) {
		const created = await tx
			.insert(roleAssignments)
			.values(toCreate.map(({ a }) => ({ ...a, organizerId: ctx.organizerId })))
			.returning({ id: roleAssignments.id });
		toCreate.forEach(({ sourceId, a }, i) => {
			const id = created[i].id;
			toLink.push({ sourceId, localId: id, label: a.role });
			note(ctx, 'created', `${a.role} (${sourceId})`);
			audits.push({
				action: 'role.assign',
				entityType: 'person',
				entityId: a.personId,
				changes: { role: a.role, unitId: a.unitId, sourceId }
			});
		});
	}
	if (toUpdate.length) {
		const rows = toUpdate.map(({ before, a }) => ({ ...a, id: before.id }));
		await tx.execute(sql`
			UPDATE role_assignments AS r SET person_id = v."personId", unit_id = v."unitId", role = v.role,
				starts_on = v."startsOn", ends_on = v."endsOn"
			FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
				AS v(id uuid, "personId" uuid, "unitId" uuid, role text, "startsOn" date, "endsOn" date)
			WHERE r.id = v.id AND r.organizer_id = ${ctx.organizerId}`);
		for (const { sourceId, before, a } of toUpdate) {
			const ended = a.endsOn !== null && a.endsOn < ctx.today && (before.endsOn === null || before.endsOn >= ctx.today);
			note(ctx, ended ? 'ended' : 'updated', `${a.role} (${sourceId})`);
			audits.push({
				action: ended ? 'role.end' : 'role.update',
				entityType: 'person',
				entityId: a.personId,
				changes: { role: [before.role, a.role], unitId: [before.unitId, a.unitId], endsOn: [before.endsOn, a.endsOn], sourceId }
			});
		}
	}
	await upsertLinks(tx, ctx, 'duty', toLink);
	await auditMany(tx, ctx, audits);
}
