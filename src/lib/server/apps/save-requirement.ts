import type { Db } from '../db';
import { appRequirements } from '../db/schema';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { AppError, parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';
import { ensureOwnCatalogue, findOwn } from './classification-queries';
import { requirementSchema } from './classification-input';

/**
 * Adds a requirement to the organizer's catalogue, or changes one (`entryId`: a row id, or the key of a shipped entry),
 * for a manager of the register (apps.manage). The organizer's first change copies the shipped catalogue into its own
 * in the same transaction. INVALID beside the field for an unknown aspect, a level outside 1–4 or an empty text;
 * NOT_FOUND for an entry that is not the organizer's. Audited.
 */
export async function saveRequirement(
	db: Db,
	opts: { actor: Actor; organizerId: string; entryId?: string; input: Record<string, unknown> }
) {
	const { actor, organizerId, entryId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const input = parseOrThrow(requirementSchema, opts.input);
	return db.transaction(async (tx) => {
		const own = await ensureOwnCatalogue(tx, organizerId);
		const before = entryId ? findOwn(own, entryId) : undefined;
		if (entryId && !before) throw new AppError('NOT_FOUND', 'no such requirement');
		const [row] = before
			? await tx
					.update(appRequirements)
					.set({ ...input, updatedAt: new Date() })
					.where(eq(appRequirements.id, before.id))
					.returning()
			: await tx
					.insert(appRequirements)
					.values({ organizerId, ...input })
					.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: before ? 'app_requirement.update' : 'app_requirement.add',
			entityType: 'app_requirement',
			entityId: row.id,
			changes: {
				aspect: [before?.aspect ?? null, row.aspect],
				minLevel: [before?.minLevel ?? null, row.minLevel],
				text: [before?.text ?? null, row.text]
			}
		});
		return row;
	});
}
