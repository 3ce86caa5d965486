import { sql } from 'drizzle-orm';
import type { Db } from '../../../db';
import { rowsOf } from '../../../db/rows';
import { buildOrganizerReport } from '../compute-organizer-report';
import { roundFiguresOf, type RoundFigures } from './round-figures-of';

/**
 * Computes a round's follow-up figures from its organizer report and, when the round has closed (its figures are
 * published and no longer move), stores them with the round's figures_version read before computing — so a write
 * that raised the version meanwhile leaves the stored row stale, to be computed again. A row of a newer version is
 * never overwritten by an older one. No reader check: callers show the figures under their own rule.
 */
export async function storeRoundFigures(db: Db, opts: { organizerId: string; roundId: string }): Promise<RoundFigures> {
	const [round] = rowsOf<{ version: number }>(
		await db.execute(sql`
			SELECT figures_version AS version FROM assessment_rounds WHERE id = ${opts.roundId} AND organizer_id = ${opts.organizerId}`)
	);
	const report = await buildOrganizerReport(db, opts);
	const figures = roundFiguresOf(report);
	if (round && report.round.published)
		await db.execute(sql`
			INSERT INTO assessment_round_figures AS f (round_id, organizer_id, version, figures)
			VALUES (${opts.roundId}, ${opts.organizerId}, ${round.version}, ${JSON.stringify(figures)}::jsonb)
			ON CONFLICT (round_id) DO UPDATE SET version = excluded.version, figures = excluded.figures, computed_at = now()
			WHERE f.version <= excluded.version`);
	return figures;
}
