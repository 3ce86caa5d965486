import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { isIsoDate } from '$lib/calendar-date';
import type { Db } from '../db';
import { appLicenceAssignments, roleAssignments, units } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { recordAudit } from '../audit/record-audit';
import { invalid, throwIfIssues, type FieldIssue } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { licencePoolRow } from './licence-pool-row';

/** At most this many people in one assignment (a large school's pupils). */
export const MAX_ASSIGN_AT_ONCE = 2000;

/**
 * Assigns licences of a pool to people at a unit (apps.manage), one or many at once (the BOL shape: per person, from
 * `validFrom`, until `validTo` or the pool's end). The unit is the pool's own, or for a central pool one of the
 * organizer's units. Everyone must have a role at that unit. People already holding one of the pool's licences are
 * left as they are. INVALID beside the field for no one chosen, a person not at the unit, a unit not of the organizer
 * or another than the pool's, dates that are not dates or end before they start, or more licences than the pool
 * has seats — nothing written then. NOT_FOUND for a pool of another organizer. Audited as app_licence.assign.
 */
export async function assignLicences(
	db: Db,
	opts: {
		actor: Actor;
		organizerId: string;
		poolId: string;
		unitId: string;
		personIds: string[];
		validFrom?: string;
		validTo?: string;
		today?: string;
	}
): Promise<{ assigned: number; already: number }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const pool = await licencePoolRow(db, organizerId, opts.poolId);
	const today = opts.today ?? todayInStockholm();
	const issues: FieldIssue[] = [];
	const unitId = pool.unitId ?? opts.unitId;
	if (pool.unitId && opts.unitId && opts.unitId !== pool.unitId) issues.push({ field: 'unitId', message: 'apps_error_unit_not_pool' });
	const [unit] = isUuid(unitId)
		? await db
				.select({ id: units.id })
				.from(units)
				.where(and(eq(units.id, unitId), eq(units.organizerId, organizerId), isNull(units.archivedAt)))
		: [];
	if (!unit) issues.push({ field: 'unitId', message: 'apps_error_unit' });
	const personIds = [...new Set(opts.personIds.filter((p) => p !== ''))];
	if (personIds.length === 0) issues.push({ field: 'personIds', message: 'apps_error_people_none' });
	if (personIds.length > MAX_ASSIGN_AT_ONCE) issues.push({ field: 'personIds', message: 'apps_error_people_too_many' });
	const validFrom = opts.validFrom?.trim() || (pool.validFrom > today ? pool.validFrom : today);
	const validTo = opts.validTo?.trim() || null;
	if (!isIsoDate(validFrom)) issues.push({ field: 'validFrom', message: 'apps_error_day' });
	if (validTo !== null && !isIsoDate(validTo)) issues.push({ field: 'validTo', message: 'apps_error_day' });
	else if (validTo !== null && validTo < validFrom) issues.push({ field: 'validTo', message: 'apps_error_ends_before_start' });
	throwIfIssues(issues);
	if (personIds.some((p) => !isUuid(p))) throw invalid('personIds', 'apps_error_person_unit');
	const atUnit = await db
		.selectDistinct({ personId: roleAssignments.personId })
		.from(roleAssignments)
		.where(
			and(eq(roleAssignments.organizerId, organizerId), eq(roleAssignments.unitId, unitId), inArray(roleAssignments.personId, personIds))
		);
	if (atUnit.length !== personIds.length) throw invalid('personIds', 'apps_error_person_unit');

	return db.transaction(async (tx) => {
		await licencePoolRow(tx, organizerId, pool.id, true);
		const current = eq(appLicenceAssignments.poolId, pool.id);
		const holders = await tx
			.select({ personId: appLicenceAssignments.personId })
			.from(appLicenceAssignments)
			.where(and(current, isNull(appLicenceAssignments.endedAt), inArray(appLicenceAssignments.personId, personIds)));
		const held = new Set(holders.map((h) => h.personId));
		const fresh = personIds.filter((p) => !held.has(p));
		const [{ n }] = await tx
			.select({ n: count() })
			.from(appLicenceAssignments)
			.where(and(current, isNull(appLicenceAssignments.endedAt)));
		if (n + fresh.length > pool.seats) throw invalid('personIds', 'apps_error_seats_full');
		if (fresh.length) {
			await tx
				.insert(appLicenceAssignments)
				.values(
					fresh.map((personId) => ({ organizerId, poolId: pool.id, personId, unitId, validFrom, validTo, assignedBy: actor.personId }))
				);
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'app_licence.assign',
				entityType: 'app_licence_pool',
				entityId: pool.id,
				changes: { unit: [null, unitId], people: [null, fresh.length], validFrom: [null, validFrom], validTo: [null, validTo] }
			});
		}
		return { assigned: fresh.length, already: held.size };
	});
}
