import { sql } from 'drizzle-orm';
import type { Db } from '../../../db';
import { rowsOf } from '../../../db/rows';
import { jsonColumn } from '../../../db/json-column';
import type { RoundFigures } from './round-figures-of';
import { storeRoundFigures } from './store-round-figures';

/**
 * A round's follow-up figures (decision 074): the stored ones while they are of the round's current figures_version,
 * else computed from the organizer report (and stored, once the round has closed). The same figures either way.
 * No reader check: callers decide who may see the organizer report's figures.
 */
export async function readRoundFigures(db: Db, opts: { organizerId: string; roundId: string }): Promise<RoundFigures> {
	const [stored] = rowsOf<{ figures: RoundFigures | string }>(
		await db.execute(sql`
			SELECT f.figures FROM assessment_round_figures f
			JOIN assessment_rounds r ON r.id = f.round_id AND r.figures_version = f.version
			WHERE f.round_id = ${opts.roundId} AND f.organizer_id = ${opts.organizerId}`)
	);
	return stored ? jsonColumn<RoundFigures>(stored.figures) : storeRoundFigures(db, opts);
}
