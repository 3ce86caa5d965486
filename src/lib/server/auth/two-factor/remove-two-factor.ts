import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { pendingSignIns, twoFactorRecoveryCodes, twoFactorSecrets } from '../../db/schema';

/** Deletes a person's secret, recovery codes and half-done sign-ins (turning off and an administrator's reset). */
export async function removeTwoFactor(tx: Db, personId: string): Promise<boolean> {
	await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.personId, personId));
	await tx.delete(pendingSignIns).where(eq(pendingSignIns.personId, personId));
	const gone = await tx
		.delete(twoFactorSecrets)
		.where(eq(twoFactorSecrets.personId, personId))
		.returning({ enabledAt: twoFactorSecrets.enabledAt });
	return gone.some((g) => g.enabledAt !== null);
}
