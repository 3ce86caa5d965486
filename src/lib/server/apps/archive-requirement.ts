import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appRequirements } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { ensureOwnCatalogue, findOwn } from './classification-queries';

/**
 * Archives a requirement of the organizer's catalogue, or brings an archived one back (`archived` false), for a
 * manager of the register (apps.manage). An archived requirement no longer follows from any level, but stays in the
 * catalogue to bring back. The first change copies the shipped catalogue, as saveRequirement. NOT_FOUND for an entry
 * that is not the organizer's. Audited.
 */
export async function archiveRequirement(db: Db, opts: { actor: Actor; organizerId: string; entryId: string; archived: boolean }) {
	const { actor, organizerId, entryId, archived } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	return db.transaction(async (tx) => {
		const entry = findOwn(await ensureOwnCatalogue(tx, organizerId), entryId);
		if (!entry) throw new AppError('NOT_FOUND', 'no such requirement');
		const [row] = await tx
			.update(appRequirements)
			.set({ archivedAt: archived ? (entry.archivedAt ?? new Date()) : null, updatedAt: new Date() })
			.where(eq(appRequirements.id, entry.id))
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: archived ? 'app_requirement.archive' : 'app_requirement.restore',
			entityType: 'app_requirement',
			entityId: row.id,
			changes: { archived: [entry.archivedAt !== null, row.archivedAt !== null] }
		});
		return row;
	});
}
