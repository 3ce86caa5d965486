import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schoolRegisterConfigs, schoolRegisterDifferences } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { env } from '../../env';
import { createSchoolRegisterClient, type RegisterSource } from './client';
import { findDifferences, fingerprintOf } from './compare-units';
import { loadUnitsByCode } from './load-units';
import { saveRegisterUnits } from './save-register-units';
import { mailAdminsAboutDifferences } from './mail-admins';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';

export type CheckResult = { found: number; added: number; outdated: number; error?: string };

/**
 * The daily check for one organizer (decision 055): asks the register for its source's units and stores what differs
 * from the organizer's units, for an administrator to accept or dismiss. An open difference found again is kept (its
 * values refreshed), one no longer found becomes outdated, a dismissed one is not raised again while the register says
 * the same. New differences are mailed to the organizer's administrators. Run by the job, not by a person: no actor.
 * A register that fails leaves the differences as they were and notes the failure on the configuration.
 */
export async function checkSchoolRegister(
	db: Db,
	{ organizerId, now = new Date(), baseUrl }: { organizerId: string; now?: Date; baseUrl?: string }
): Promise<CheckResult> {
	const [config] = await db.select().from(schoolRegisterConfigs).where(eq(schoolRegisterConfigs.organizerId, organizerId));
	if (!config) return { found: 0, added: 0, outdated: 0 };
	const source = { source: config.source, value: config.sourceValue } as RegisterSource;
	let fetched;
	try {
		fetched = await createSchoolRegisterClient({ baseUrl: baseUrl ?? env.SCHOOL_REGISTER_URL }).fetchUnits(source);
	} catch (e) {
		const error = (e as Error).message.slice(0, 500);
		await db
			.update(schoolRegisterConfigs)
			.set({ checkError: error, updatedAt: now })
			.where(eq(schoolRegisterConfigs.organizerId, organizerId));
		return { found: 0, added: 0, outdated: 0, error };
	}
	return db.transaction(async (tx) => {
		// One check at a time per organizer: the configuration row is the lock.
		await tx.execute(sql`select 1 from school_register_configs where organizer_id = ${organizerId} for update`);
		const { local, foreignCodes } = await loadUnitsByCode(
			tx,
			organizerId,
			fetched.map((u) => u.schoolUnitCode)
		);
		const found = findDifferences(fetched, local, foreignCodes);
		const existing = await tx
			.select()
			.from(schoolRegisterDifferences)
			.where(and(eq(schoolRegisterDifferences.organizerId, organizerId), inArray(schoolRegisterDifferences.status, ['open', 'dismissed'])));
		const open = new Map(existing.filter((d) => d.status === 'open').map((d) => [`${d.kind}:${d.schoolUnitCode}`, d]));
		const dismissed = new Set(existing.filter((d) => d.status === 'dismissed').map((d) => d.fingerprint));
		const stillOpen = new Set<string>();
		const added = [];
		for (const d of found) {
			const fingerprint = fingerprintOf(d);
			const mine = open.get(`${d.kind}:${d.schoolUnitCode}`);
			if (mine) {
				stillOpen.add(mine.id);
				if (mine.fingerprint !== fingerprint)
					await tx
						.update(schoolRegisterDifferences)
						.set({ current: d.current, proposed: d.proposed, fingerprint, unitId: d.unitId, updatedAt: now })
						.where(eq(schoolRegisterDifferences.id, mine.id));
				continue;
			}
			if (dismissed.has(fingerprint)) continue;
			added.push({ ...d, organizerId, fingerprint });
		}
		if (added.length) await tx.insert(schoolRegisterDifferences).values(added);
		const gone = [...open.values()].filter((d) => !stillOpen.has(d.id)).map((d) => d.id);
		if (gone.length)
			await tx
				.update(schoolRegisterDifferences)
				.set({ status: 'outdated', updatedAt: now })
				.where(inArray(schoolRegisterDifferences.id, gone));
		await saveRegisterUnits(tx, organizerId, fetched, now);
		await tx
			.update(schoolRegisterConfigs)
			.set({ checkedAt: now, checkError: null, updatedAt: now })
			.where(eq(schoolRegisterConfigs.organizerId, organizerId));
		if (added.length || gone.length)
			await recordAudit(tx, {
				organizerId,
				actorId: null,
				action: 'school_register.check',
				entityType: 'school_register',
				entityId: organizerId,
				changes: { added: added.map((d) => `${d.kind}:${d.schoolUnitCode}`), outdated: gone.length }
			});
		if (added.length) await mailAdminsAboutDifferences(tx, organizerId, added.length);
		return { found: found.length, added: added.length, outdated: gone.length };
	});
}

/** The job: every organizer that has imported from the register, one after another; a failing one does not stop the rest. */
export async function runSchoolRegisterChecks(db: Db, now: Date) {
	const configs = await db.select({ organizerId: schoolRegisterConfigs.organizerId }).from(schoolRegisterConfigs);
	const results: Record<string, CheckResult> = {};
	for (const c of configs) results[c.organizerId] = await checkSchoolRegister(db, { organizerId: c.organizerId, now });
	return results;
}

/** "Kontrollera nu" on the page: the same check, asked for by an administrator. */
export async function checkSchoolRegisterNow(
	db: Db,
	{ actor, organizerId, baseUrl }: { actor: Actor | null; organizerId: string; baseUrl?: string }
) {
	authorize(actor, 'school_register.manage', { type: 'organizer', organizerId });
	const result = await checkSchoolRegister(db, { organizerId, baseUrl });
	if (result.error) throw new AppError('INVALID', result.error, [{ field: 'check', message: 'register_error_check' }]);
	return result;
}
