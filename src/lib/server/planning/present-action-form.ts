import { localize } from '../assessment/consensus/localize';
import type { loadActionForm } from './load-action-form';

type FormOptions = Awaited<ReturnType<typeof loadActionForm>>;

/**
 * The action form's choices for the page, in the user's language: scopes, people and categories as select
 * options, and the links as checkbox groups per framework — every sub-goal, plus the items already chosen
 * (an action made from a report's suggestion links one item).
 */
export function presentActionForm(o: FormOptions, locale: string, chosenLinks: string[]) {
	const groups = new Map<string, { legend: string; options: { value: string; label: string; depth: number }[] }>();
	const add = (key: string, legend: string, option: { value: string; label: string; depth: number }) => {
		const g = groups.get(key) ?? { legend, options: [] };
		g.options.push(option);
		groups.set(key, g);
	};
	for (const sg of o.subGoals) {
		const legend = localize(sg.frameworkTitle, locale);
		add(sg.frameworkKey, legend, { value: sg.value, label: `${sg.subGoalId} ${localize(sg.title, locale)}`, depth: 0 });
		for (const v of chosenLinks) {
			const item = o.items.get(v);
			if (item && item.frameworkKey === sg.frameworkKey && item.subGoalId === sg.subGoalId)
				add(sg.frameworkKey, legend, { value: v, label: localize(item.title, locale), depth: 1 });
		}
	}
	return {
		scopes: o.scopes,
		members: o.members.map((p) => ({ value: p.id, label: p.name })),
		categories: o.categories,
		goals: o.goals,
		courses: o.courses,
		linkGroups: [...groups.entries()].map(([key, g]) => ({ key, ...g }))
	};
}
