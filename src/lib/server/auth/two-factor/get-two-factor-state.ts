import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { twoFactorRecoveryCodes, twoFactorSecrets } from '../../db/schema';
import { readStoredSecret } from '../../crypto/secrets';

export type TwoFactorState =
	| { state: 'off' }
	/** Set-up begun: the secret is shown until the first code confirms it, never after. */
	| { state: 'pending'; secret: string }
	| { state: 'on'; enabledAt: Date; recoveryCodesLeft: number };

/** Whether a person's two-step verification is off, being set up or on. */
export async function getTwoFactorState(db: Db, personId: string): Promise<TwoFactorState> {
	const [row] = await db
		.select({ secret: twoFactorSecrets.secret, enabledAt: twoFactorSecrets.enabledAt })
		.from(twoFactorSecrets)
		.where(eq(twoFactorSecrets.personId, personId));
	if (!row) return { state: 'off' };
	if (!row.enabledAt) return { state: 'pending', secret: readStoredSecret(row.secret) };
	const [left] = await db
		.select({ n: count() })
		.from(twoFactorRecoveryCodes)
		.where(and(eq(twoFactorRecoveryCodes.personId, personId), isNull(twoFactorRecoveryCodes.usedAt)));
	return { state: 'on', enabledAt: row.enabledAt, recoveryCodesLeft: Number(left?.n ?? 0) };
}
