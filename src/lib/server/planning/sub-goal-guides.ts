import { getFramework } from '../assessment/framework/get-framework';
import { listFrameworks, newestVersions } from '../assessment/framework/list-frameworks';
import { localize } from '../assessment/consensus/localize';

/** What the framework says about a sub-goal, for the people planning for it. */
export type SubGoalGuide = {
	key: string;
	subGoalId: string;
	title: string;
	description: string;
	responsibilities: string[];
	questions: string[];
};

/**
 * The framework's own texts for the sub-goals that links ("framework:subGoal[:item]") point at, from the
 * newest shipped version of each framework, in the reader's language: its description, what the organizer is
 * responsible for, and its numbered discussion questions. Unknown frameworks and sub-goals are left out.
 */
export async function loadSubGoalGuides(links: string[], locale: string): Promise<SubGoalGuide[]> {
	const wanted = [...new Set(links.map((l) => l.split(':').slice(0, 2).join(':')).filter((l) => /^[a-z0-9-]+:\d+(\.\d+)?$/.test(l)))];
	if (!wanted.length) return [];
	const newest = newestVersions(await listFrameworks());
	const out: SubGoalGuide[] = [];
	for (const key of wanted) {
		const [frameworkKey, subGoalId] = key.split(':');
		const version = newest.get(frameworkKey);
		const fw = version ? await getFramework(frameworkKey, version).catch(() => null) : null;
		const sg = fw?.areas.flatMap((a) => a.sub_goals).find((s) => s.id === subGoalId);
		if (!sg) continue;
		out.push({
			key,
			subGoalId,
			title: localize(sg.title, locale),
			description: localize(sg.description, locale),
			responsibilities: sg.organizer_responsibilities.map((r) => localize(r, locale)),
			questions: sg.discussion_questions.map((q) => localize(q, locale))
		});
	}
	return out;
}
