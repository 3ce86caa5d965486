import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { PREVENTIVE_RESPONSE_KINDS, type PreventiveResponseKind } from '../../db/schema';

/**
 * What the preventive line did in a period (Stockholm dates, `to` not included), counted per kind: articles written,
 * trainings held, plan actions, decisions to do nothing. Organizer-wide (a response is not tied to a unit). For the
 * operational follow-up (issue 20), which authorizes its reader itself.
 */
export async function countPreventiveResponses(
	db: Db,
	o: { organizerId: string; from: string; to: string }
): Promise<{ kind: PreventiveResponseKind; count: number }[]> {
	const rows = rowsOf<{ kind: string; n: number }>(
		await db.execute(sql`SELECT kind, count(*)::int AS n FROM preventive_responses
			WHERE organizer_id = ${o.organizerId}
				AND created_at >= (${o.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'
				AND created_at < (${o.to}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'
			GROUP BY kind`)
	);
	return PREVENTIVE_RESPONSE_KINDS.map((kind) => ({ kind, count: Number(rows.find((r) => r.kind === kind)?.n ?? 0) }));
}
