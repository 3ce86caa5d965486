import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { twoFactorRecoveryCodes, twoFactorSecrets } from '../../db/schema';
import { hashRecoveryCode } from './recovery-codes';
import { looksLikeTotp, matchTotpStep } from './totp';
import { readStoredSecret } from '../../crypto/secrets';

/** What a code turned out to be: a fresh one-time code, a recovery code (now spent), one already used, or wrong. */
export type CodeResult = 'totp' | 'recovery' | 'reused' | 'wrong';

/**
 * Checks and spends a code of a person whose two-step verification is on: a one-time code from the app (its
 * step becomes the last used one, so it and every earlier code stop working) or one of the recovery codes
 * (marked used). Both are single conditional updates, so two requests with the same code cannot both win.
 */
export async function useTwoFactorCode(db: Db, personId: string, code: string, now = new Date()): Promise<CodeResult> {
	const [row] = await db
		.select({ secret: twoFactorSecrets.secret, lastUsedStep: twoFactorSecrets.lastUsedStep })
		.from(twoFactorSecrets)
		.where(and(eq(twoFactorSecrets.personId, personId), isNotNull(twoFactorSecrets.enabledAt)));
	if (!row) return 'wrong';
	if (looksLikeTotp(code)) {
		const step = matchTotpStep(readStoredSecret(row.secret), code, now);
		if (step === null) return 'wrong';
		const [won] = await db
			.update(twoFactorSecrets)
			.set({ lastUsedStep: step })
			.where(
				and(eq(twoFactorSecrets.personId, personId), or(isNull(twoFactorSecrets.lastUsedStep), lt(twoFactorSecrets.lastUsedStep, step)))
			)
			.returning({ step: twoFactorSecrets.lastUsedStep });
		return won ? 'totp' : 'reused';
	}
	const [spent] = await db
		.update(twoFactorRecoveryCodes)
		.set({ usedAt: now })
		.where(
			and(
				eq(twoFactorRecoveryCodes.personId, personId),
				eq(twoFactorRecoveryCodes.codeHash, hashRecoveryCode(code)),
				isNull(twoFactorRecoveryCodes.usedAt)
			)
		)
		.returning({ id: twoFactorRecoveryCodes.id });
	return spent ? 'recovery' : 'wrong';
}
