import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Links, units } from '../../db/schema';
import { swedishSortKey } from '../../../sort-key';
import type { SourceOrganisation } from './source-types';
import { auditMany, entityError, note, upsertLinks, type SyncContext } from './sync-context';

const sameTypes = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * One page of organisations: a Skolenhet with a skolenhetskod becomes a unit (found by its link, then by the code
 * within this organizer; created at the top of the tree otherwise) whose name and school types follow the source.
 * Other organisation types are linked to nothing. A code that belongs to another organizer's unit is an error.
 */
export async function applyOrganisations(tx: Db, ctx: SyncContext, orgs: SourceOrganisation[]) {
	const schools = orgs.filter((o) => o.organisationType === 'Skolenhet' && o.schoolUnitCode);
	const others = orgs.filter((o) => !schools.includes(o));
	await upsertLinks(
		tx,
		ctx,
		'organisation',
		others.map((o) => ({ sourceId: o.id, localId: null, label: o.displayName }))
	);
	note(ctx, 'skipped', undefined, others.length);
	if (schools.length === 0) return;

	const links = await tx
		.select({ sourceId: ss12000Links.sourceId, localId: ss12000Links.localId })
		.from(ss12000Links)
		.where(
			and(
				eq(ss12000Links.organizerId, ctx.organizerId),
				eq(ss12000Links.entity, 'organisation'),
				inArray(
					ss12000Links.sourceId,
					schools.map((o) => o.id)
				)
			)
		);
	const linked = new Map(links.filter((l) => l.localId).map((l) => [l.sourceId, l.localId!]));
	const existing = await tx
		.select({ id: units.id, organizerId: units.organizerId, name: units.name, code: units.schoolUnitCode, schoolTypes: units.schoolTypes })
		.from(units)
		.where(
			sql`${units.id} IN ${[...linked.values(), '00000000-0000-0000-0000-000000000000']} OR ${units.schoolUnitCode} IN ${schools.map((o) => o.schoolUnitCode!)}`
		);
	const byId = new Map(existing.map((u) => [u.id, u]));
	const byCode = new Map(existing.map((u) => [u.code, u]));

	const toLink: { sourceId: string; localId: string }[] = [];
	const toCreate: SourceOrganisation[] = [];
	const audits: Parameters<typeof auditMany>[2] = [];
	const codes = new Set<string>();
	for (const o of schools) {
		if (codes.has(o.schoolUnitCode!)) {
			entityError(ctx, 'organisation', o.id, 'ss12000_problem_code_twice', { code: o.schoolUnitCode ?? '' });
			continue;
		}
		codes.add(o.schoolUnitCode!);
		const unit = byId.get(linked.get(o.id) ?? '') ?? byCode.get(o.schoolUnitCode!);
		if (!unit) {
			toCreate.push(o);
			continue;
		}
		if (unit.organizerId !== ctx.organizerId) {
			entityError(ctx, 'organisation', o.id, 'ss12000_problem_code_other_organizer', { code: o.schoolUnitCode ?? '' });
			continue;
		}
		toLink.push({ sourceId: o.id, localId: unit.id });
		const types = o.schoolTypes ?? unit.schoolTypes;
		if (unit.name === o.displayName && sameTypes(types, unit.schoolTypes)) {
			note(ctx, 'unchanged');
			continue;
		}
		await tx
			.update(units)
			.set({ name: o.displayName, nameSort: swedishSortKey(o.displayName), schoolTypes: types, updatedAt: new Date() })
			.where(eq(units.id, unit.id));
		note(ctx, 'updated', `${unit.name} → ${o.displayName}`);
		audits.push({
			action: 'unit.update',
			entityType: 'unit',
			entityId: unit.id,
			changes: { name: [unit.name, o.displayName], sourceId: o.id }
		});
	}
	if (toCreate.length > 0) {
		const created = await tx
			.insert(units)
			.values(
				toCreate.map((o) => ({
					organizerId: ctx.organizerId,
					name: o.displayName,
					nameSort: swedishSortKey(o.displayName),
					kind: 'skolenhet',
					schoolTypes: o.schoolTypes ?? [],
					schoolUnitCode: o.schoolUnitCode!
				}))
			)
			.returning({ id: units.id, code: units.schoolUnitCode });
		const idOf = new Map(created.map((c) => [c.code, c.id]));
		for (const o of toCreate) {
			const id = idOf.get(o.schoolUnitCode!)!;
			toLink.push({ sourceId: o.id, localId: id });
			note(ctx, 'created', `${o.displayName} (${o.schoolUnitCode})`);
			audits.push({ action: 'unit.create', entityType: 'unit', entityId: id, changes: { name: [null, o.displayName], sourceId: o.id } });
		}
	}
	await upsertLinks(tx, ctx, 'organisation', toLink);
	await auditMany(tx, ctx, audits);
}
