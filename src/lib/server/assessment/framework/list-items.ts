import type { Framework, FrameworkItem } from './framework-schema';

/** An item together with the area and sub-goal it sits in. */
export type PlacedItem = FrameworkItem & { areaId: string; subGoalId: string };

/** All items of a framework in document order, each with its area and sub-goal id. */
export function listItems(framework: Framework): PlacedItem[] {
	return framework.areas.flatMap((area) =>
		area.sub_goals.flatMap((subGoal) => subGoal.items.map((item) => ({ ...item, areaId: area.id, subGoalId: subGoal.id })))
	);
}
