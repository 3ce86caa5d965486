import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentCustomItems } from '../../db/schema';
import { getFramework } from '../framework/get-framework';
import type { Framework, FrameworkItem } from '../framework/framework-schema';

export type RoundItem = FrameworkItem & { areaId: string; subGoalId: string; custom: boolean };
export type RoundSubGoal = { id: string; areaId: string; title: { sv: string; en: string }; items: RoundItem[] };

/**
 * The framework of a round and every item in it, in framework order, with the organizer's
 * own items appended to their sub-goals. Optionally only the items a perspective answers, each then worded
 * for that perspective where the framework has its own wording (`statement_for`).
 */
export async function getRoundItems(
	db: Db,
	round: { id: string; frameworkKey: string; frameworkVersion: string },
	perspective?: string
): Promise<{ framework: Framework; subGoals: RoundSubGoal[]; items: RoundItem[] }> {
	const framework = await getFramework(round.frameworkKey, round.frameworkVersion);
	const custom = await db.select().from(assessmentCustomItems).where(eq(assessmentCustomItems.roundId, round.id));
	const subGoals: RoundSubGoal[] = [];
	for (const area of framework.areas) {
		for (const sg of area.sub_goals) {
			const own = custom
				.filter((c) => c.subGoalId === sg.id)
				.map((c) => ({ ...(c.content as unknown as FrameworkItem), key: c.key, areaId: area.id, subGoalId: sg.id, custom: true }));
			const items = [...sg.items.map((i) => ({ ...i, areaId: area.id, subGoalId: sg.id, custom: false })), ...own]
				.filter((i) => !perspective || (i.perspectives as string[]).includes(perspective))
				.map((i) => {
					const worded = perspective ? i.statement_for?.[perspective as keyof NonNullable<FrameworkItem['statement_for']>] : undefined;
					return worded ? { ...i, statement: worded } : i;
				});
			if (items.length) subGoals.push({ id: sg.id, areaId: area.id, title: sg.title, items });
		}
	}
	return { framework, subGoals, items: subGoals.flatMap((s) => s.items) };
}
