import type { Db } from '../db';
import { appClassificationRules } from '../db/schema';
import { diffFields, recordAudit } from '../audit/record-audit';
import { parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';
import { rulesOf } from './classification-queries';
import { rulesSchema } from './classification-input';

/**
 * Sets the organizer's rules for the simplified review (apps.manage): whether it is in use, the highest level of each
 * aspect a tool may have to qualify, and whether any personal data rules it out. INVALID beside the field for a level
 * outside 0–4. Audited with before and after.
 */
export async function saveClassificationRules(db: Db, opts: { actor: Actor; organizerId: string; input: Record<string, unknown> }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const input = parseOrThrow(rulesSchema, opts.input);
	return db.transaction(async (tx) => {
		const before = await rulesOf(tx, organizerId);
		const values = { ...input, updatedBy: actor.personId, updatedAt: new Date() };
		await tx
			.insert(appClassificationRules)
			.values({ organizerId, ...values })
			.onConflictDoUpdate({ target: appClassificationRules.organizerId, set: values });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_classification_rules.update',
			entityType: 'organizer',
			entityId: organizerId,
			changes: diffFields(before, input, [
				'enabled',
				'maxConfidentiality',
				'maxIntegrity',
				'maxAvailability',
				'maxTraceability',
				'personalDataExcludes'
			])
		});
		return input;
	});
}
