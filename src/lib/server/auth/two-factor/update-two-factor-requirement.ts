import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { instanceSettings, organizers } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { parseInstanceSecurity, parseOrganizerSecurity } from './two-factor-requirement';

/**
 * An organization administrator decides whether the organizer's organization administrators must use two-step
 * verification (organizers.settings.security, other settings kept). Audited when it changes.
 */
export async function updateOrganizerTwoFactorRequirement(db: Db, opts: { actor: Actor | null; organizerId: string; required: boolean }) {
	const { actor, organizerId, required } = opts;
	authorize(actor, 'organizer.administer', { type: 'organizer', organizerId });
	await db.transaction(async (tx) => {
		const [org] = await tx.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId)).for('update');
		if (!org) throw new AppError('NOT_FOUND', 'organizer');
		const before = parseOrganizerSecurity(org.settings.security);
		if (before.requireTwoFactorForAdmins === required) return;
		const security = { ...before, requireTwoFactorForAdmins: required };
		await tx
			.update(organizers)
			.set({ settings: { ...org.settings, security }, updatedAt: new Date() })
			.where(eq(organizers.id, organizerId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'two_factor.requirement_update',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { requireTwoFactorForAdmins: [before.requireTwoFactorForAdmins, required] }
		});
	});
}

/** A system administrator decides whether system administrators must use two-step verification. Audited when it changes. */
export async function updateInstanceTwoFactorRequirement(db: Db, opts: { actor: Actor | null; required: boolean }) {
	const { actor, required } = opts;
	authorize(actor, 'instance.administer', { type: 'instance' });
	await db.transaction(async (tx) => {
		const [row] = await tx
			.select({ value: instanceSettings.value })
			.from(instanceSettings)
			.where(eq(instanceSettings.key, 'security'))
			.for('update');
		const before = parseInstanceSecurity(row?.value);
		if (before.requireTwoFactorForSystemAdmins === required) return;
		const value = { ...(row?.value ?? {}), ...before, requireTwoFactorForSystemAdmins: required };
		await tx
			.insert(instanceSettings)
			.values({ key: 'security', value })
			.onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: new Date() } });
		await recordAudit(tx, {
			organizerId: null,
			actorId: actor.personId,
			action: 'two_factor.requirement_update',
			entityType: 'instance',
			changes: { requireTwoFactorForSystemAdmins: [before.requireTwoFactorForSystemAdmins, required] }
		});
	});
}
