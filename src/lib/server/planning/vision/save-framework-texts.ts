import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningFrameworkTexts } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { ASSIGNABLE_ROLES } from '../../policies/roles';
import { FRAMEWORK_SECTIONS } from './financing';
import { organizerPlan } from './organizer-plan';

/** Every text key the framework form may send: the sections and one per role. */
export const FRAMEWORK_TEXT_KEYS: readonly string[] = [...FRAMEWORK_SECTIONS, ...ASSIGNABLE_ROLES.map((r) => `role.${r}`)];

/**
 * Writes the common framework's free-text sections (roles and responsibilities, equal access, equal
 * support, forums, one text per role). Keys not sent are left alone; unknown keys are ignored. Too long a
 * text: INVALID beside it, nothing written. Audited once (framework.texts) with before/after of what changed.
 */
export async function saveFrameworkTexts(db: Db, opts: { actor: Actor; organizerId: string; input: Record<string, string> }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'plan.write', organizerPlan(organizerId));
	const sent = Object.entries(opts.input)
		.filter(([k, v]) => FRAMEWORK_TEXT_KEYS.includes(k) && typeof v === 'string')
		.map(([k, v]) => [k, v.trim()] as const);
	const tooLong = sent.filter(([, v]) => v.length > 8000);
	if (tooLong.length)
		throw new AppError(
			'INVALID',
			'framework',
			tooLong.map(([k]) => ({ field: k, message: 'error_too_long' }))
		);
	if (!sent.length) return false;
	return db.transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(planningFrameworkTexts)
			.where(
				and(
					eq(planningFrameworkTexts.organizerId, organizerId),
					inArray(
						planningFrameworkTexts.key,
						sent.map(([k]) => k)
					)
				)
			)
			.for('update');
		const before = new Map(rows.map((r) => [r.key, r.text]));
		const changed = sent.filter(([k, v]) => (before.get(k) ?? '') !== v);
		if (!changed.length) return false;
		for (const [key, text] of changed)
			await tx
				.insert(planningFrameworkTexts)
				.values({ organizerId, key, text, updatedBy: actor.personId })
				.onConflictDoUpdate({
					target: [planningFrameworkTexts.organizerId, planningFrameworkTexts.key],
					set: { text, updatedBy: actor.personId, updatedAt: new Date() }
				});
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'framework.texts',
			entityType: 'planning_framework',
			entityId: organizerId,
			changes: Object.fromEntries(changed.map(([k, v]) => [k, [before.get(k) ?? null, v]]))
		});
		return true;
	});
}
