import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { organizers } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';

/** The kommunkod form: four digits, or empty for an organizer that is not a municipality. */
export const municipalityCodeInput = z.object({
	/** Four digits (Stockholm 0180); blank removes it. */
	municipalityCode: z
		.string()
		.trim()
		.regex(/^(\d{4})?$/, 'cmp_municipality_error_format')
});

/**
 * Sets the organizer's kommunkod, which comparison values of the municipality must carry (followup.configure: the
 * organizer's administrators and leadership, who import them). Until now only set when the organizer was created.
 * Audited as organizer.municipality_code_update with before and after.
 */
export async function setMunicipalityCode(db: Db, opts: { actor: Actor; organizerId: string; values: Record<string, unknown> }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.configure', { type: 'organizer', organizerId });
	const { municipalityCode } = parseOrThrow(municipalityCodeInput, opts.values);
	const next = municipalityCode || null;
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select({ municipalityCode: organizers.municipalityCode })
			.from(organizers)
			.where(eq(organizers.id, organizerId))
			.for('update');
		if ((before?.municipalityCode ?? null) === next) return { changed: false };
		await tx.update(organizers).set({ municipalityCode: next, updatedAt: new Date() }).where(eq(organizers.id, organizerId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'organizer.municipality_code_update',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { municipalityCode: [before?.municipalityCode ?? null, next] }
		});
		return { changed: true };
	});
}
