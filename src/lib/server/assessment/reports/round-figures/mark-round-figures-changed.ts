import { sql } from 'drizzle-orm';
import type { Db } from '../../../db';
import { todayInStockholm } from '../../../auth/load-actor';

/**
 * Call in the transaction of a write that can change a round's report figures (agreed levels, rebuilt sums): raises
 * the round's figures_version, so its stored follow-up figures (decision 074) are computed again on the next read.
 * Only a round that has closed, or closes today, can have stored figures a write could outdate; an open round's row
 * is left alone, so submissions during the round do not queue on it.
 */
export async function markRoundFiguresChanged(tx: Db, roundId: string, today: string = todayInStockholm()): Promise<void> {
	await tx.execute(sql`
		UPDATE assessment_rounds SET figures_version = figures_version + 1
		WHERE id = ${roundId} AND (closed_at IS NOT NULL OR closes_on <= ${today}::date)`);
}
