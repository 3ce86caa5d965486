import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { appLicenceAssignments, appTools, people, roleAssignments, units } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { licencePoolRow } from './licence-pool-row';

/**
 * One licence pool (apps.register) with the people holding its licences — by the names the actor may see (a person
 * with protected identity by pseudonym) — their unit, validity and use; sorted by unit, then name. For the register's
 * managers also the units a licence may be assigned at and, for the chosen unit (`unitId`, or the pool's own), the
 * people there who hold none yet. NOT_FOUND for a pool of another organizer.
 */
export async function getLicencePool(db: Db, opts: { actor: Actor; organizerId: string; poolId: string; unitId?: string }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const pool = await licencePoolRow(db, organizerId, opts.poolId);
	const canManage = can(actor, 'apps.manage', { type: 'apps', organizerId });
	const [[tool], unitRows, held] = await Promise.all([
		db.select({ id: appTools.id, name: appTools.name }).from(appTools).where(eq(appTools.id, pool.toolId)),
		db
			.select({ id: units.id, name: units.name })
			.from(units)
			.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)))
			.orderBy(asc(units.nameSort)),
		db
			.select()
			.from(appLicenceAssignments)
			.where(and(eq(appLicenceAssignments.poolId, pool.id), isNull(appLicenceAssignments.endedAt)))
	]);
	const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
	const chosenUnit = pool.unitId ?? (opts.unitId && unitName.has(opts.unitId) ? opts.unitId : null);
	const holders = new Set(held.map((h) => h.personId));
	const candidateIds =
		canManage && chosenUnit
			? (
					await db
						.selectDistinct({ personId: roleAssignments.personId, nameSort: people.nameSort })
						.from(roleAssignments)
						.innerJoin(people, eq(people.id, roleAssignments.personId))
						.where(and(eq(roleAssignments.organizerId, organizerId), eq(roleAssignments.unitId, chosenUnit)))
						.orderBy(asc(people.nameSort))
				)
					.map((r) => r.personId)
					.filter((id) => !holders.has(id))
			: [];
	const names = await shownNamesById(db, {
		actor,
		organizerId,
		personIds: [...held.map((h) => h.personId), ...candidateIds],
		via: 'app_licence_pool'
	});
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
	const assignments = held
		.map((h) => ({
			personId: h.personId,
			name: names.get(h.personId) ?? '',
			unitName: unitName.get(h.unitId) ?? '',
			validFrom: h.validFrom,
			validTo: h.validTo,
			used: h.used
		}))
		.sort((a, b) => a.unitName.localeCompare(b.unitName, 'sv') || byName(a, b));
	return {
		pool: { ...pool, toolName: tool?.name ?? '', unitName: pool.unitId ? (unitName.get(pool.unitId) ?? '') : null },
		assignments,
		free: Math.max(0, pool.seats - held.length),
		canManage,
		units: pool.unitId ? [] : unitRows,
		chosenUnit,
		candidates: candidateIds.map((id) => ({ personId: id, name: names.get(id) ?? '' })).sort(byName)
	};
}
