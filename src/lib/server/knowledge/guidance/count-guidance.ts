import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';

export type GuidanceCounts = {
	/** Sessions held in the period: started in it, started by `now`, not cancelled. */
	held: number;
	/** Of those, drop-ins (the rest are 1–1 times). */
	dropIns: number;
	/** Seats booked and not cancelled in the held sessions: who came, as far as Rödtråd knows (there is no roll call). */
	attended: number;
	/** Feedback answers given on those bookings, and their mean (1–5; null with none). */
	feedback: number;
	feedbackMean: number | null;
};

/**
 * Guidance sessions and drop-ins held in a period (Stockholm dates, `to` not included) and the seats booked in them
 * (issue 15's guidance; counted for the follow-up's sub-goal 1.3). Organizer-wide: an online drop-in belongs to no
 * unit. Asks nobody who reads: the caller authorizes.
 */
export async function countGuidance(db: Db, o: { organizerId: string; from: string; to: string; now?: Date }): Promise<GuidanceCounts> {
	const now = (o.now ?? new Date()).toISOString();
	const [row] = rowsOf<{ held: number; drop_ins: number; attended: number; feedback: number; feedback_mean: number | null }>(
		await db.execute(sql`
			WITH held AS (
				SELECT s.id, s.kind FROM guidance_sessions s
				WHERE s.organizer_id = ${o.organizerId} AND s.cancelled_at IS NULL
					AND s.starts_at >= (${o.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'
					AND s.starts_at < (${o.to}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'
					AND s.starts_at <= ${now}::timestamptz
			)
			SELECT (SELECT count(*) FROM held)::int AS held,
				(SELECT count(*) FROM held WHERE kind = 'drop_in')::int AS drop_ins,
				count(b.id)::int AS attended,
				count(b.feedback_score)::int AS feedback,
				avg(b.feedback_score)::float8 AS feedback_mean
			FROM guidance_bookings b JOIN held h ON h.id = b.session_id
			WHERE b.cancelled_at IS NULL`)
	);
	return {
		held: row?.held ?? 0,
		dropIns: row?.drop_ins ?? 0,
		attended: row?.attended ?? 0,
		feedback: row?.feedback ?? 0,
		feedbackMean: row?.feedback_mean ?? null
	};
}
