import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { roundRemindersSent } from '../../db/schema';
import { authorize, type Actor } from '../../policies';

/** How many reminders to answer went out for a round, per reminder point, most days first (for those who manage rounds). */
export async function countAnswerReminders(
	db: Db,
	{ actor, round }: { actor: Actor | null; round: { id: string; organizerId: string } }
): Promise<{ daysBefore: number; count: number }[]> {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId: round.organizerId });
	const rows = await db
		.select({ daysBefore: roundRemindersSent.daysBefore, n: sql<number>`count(*)::int` })
		.from(roundRemindersSent)
		.where(and(eq(roundRemindersSent.roundId, round.id), eq(roundRemindersSent.organizerId, round.organizerId)))
		.groupBy(roundRemindersSent.daysBefore)
		.orderBy(sql`${roundRemindersSent.daysBefore} desc`);
	return rows.map((r) => ({ daysBefore: r.daysBefore, count: Number(r.n) }));
}
