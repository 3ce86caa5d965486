import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { appLicenceAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { invalid } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { licencePoolRow } from './licence-pool-row';

/**
 * Takes licences of a pool back from people (apps.manage), one or many: their assignments end (kept, with `endedAt`)
 * and the seats are free again. INVALID beside `personIds` when no one is chosen; NOT_FOUND for a pool of another
 * organizer. Audited as app_licence.unassign with how many ended.
 */
export async function unassignLicences(
	db: Db,
	opts: { actor: Actor; organizerId: string; poolId: string; personIds: string[]; now?: Date }
): Promise<{ unassigned: number }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const personIds = [...new Set(opts.personIds.filter(isUuid))];
	if (personIds.length === 0) throw invalid('personIds', 'apps_error_people_none');
	const pool = await licencePoolRow(db, organizerId, opts.poolId);
	return db.transaction(async (tx) => {
		const ended = await tx
			.update(appLicenceAssignments)
			.set({ endedAt: opts.now ?? new Date() })
			.where(
				and(
					eq(appLicenceAssignments.poolId, pool.id),
					isNull(appLicenceAssignments.endedAt),
					inArray(appLicenceAssignments.personId, personIds)
				)
			)
			.returning({ id: appLicenceAssignments.id });
		if (ended.length)
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'app_licence.unassign',
				entityType: 'app_licence_pool',
				entityId: pool.id,
				changes: { people: [ended.length, 0] }
			});
		return { unassigned: ended.length };
	});
}
