import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceReflections } from '../db/schema';
import { organizerThreshold } from '../assessment/rounds/round-checks';
import { isShown } from '../assessment/reports/suppress';
import { authorize, type Actor } from '../policies';
import { LEVEL_MAX, REFLECTION } from './competence-rules';

export type AreaAggregate = { key: string; mean: number; levels: number[] };
export type ReflectionAggregate = { people: number; threshold: number; shown: boolean; areas: AreaAggregate[] };

/**
 * Everyone's newest reflection aggregated per area (competence.aggregate): the mean level and how many are at each
 * level. Under the organizer's anonymity threshold (the self-assessment's, with its isShown rule) nothing but the
 * fact that too few have answered is returned. The result is one group, so no complementary suppression is needed.
 * With `before`, the newest reflection made before that moment (a planned course's "before", decision 066).
 */
export async function aggregateReflections(
	db: Db,
	o: { actor: Actor | null; organizerId: string; before?: Date }
): Promise<ReflectionAggregate> {
	authorize(o.actor, 'competence.aggregate', { type: 'organizer', organizerId: o.organizerId });
	const threshold = await organizerThreshold(db, o.organizerId);
	const rows = await db
		.selectDistinctOn([competenceReflections.personId], { levels: competenceReflections.levels })
		.from(competenceReflections)
		.where(and(eq(competenceReflections.organizerId, o.organizerId), o.before ? lt(competenceReflections.createdAt, o.before) : undefined))
		.orderBy(competenceReflections.personId, sql`${competenceReflections.createdAt} DESC`);
	const shown = isShown(rows.length, threshold);
	if (!shown) return { people: rows.length, threshold, shown, areas: [] };
	const areas = REFLECTION.areas.map((a) => {
		const levels = Array.from({ length: LEVEL_MAX }, () => 0);
		let sum = 0;
		for (const r of rows) {
			const level = r.levels[a.key] ?? 1;
			levels[level - 1]++;
			sum += level;
		}
		return { key: a.key, mean: sum / rows.length, levels };
	});
	return { people: rows.length, threshold, shown, areas };
}
