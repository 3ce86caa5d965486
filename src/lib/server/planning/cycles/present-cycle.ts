import type { CycleDetails } from './get-cycle-details';

/** What a cycle's pages get: the cycle's own fields, the people as shown names, and each step's progress. */
export function presentCycle(d: CycleDetails) {
	const c = d.cycle;
	return {
		cycle: {
			id: c.id,
			name: c.name,
			openedOn: c.openedOn,
			unitName: c.unitName,
			strengths: c.strengths,
			needs: c.needs,
			consequences: c.consequences,
			canWrite: c.canWrite,
			canPlan: c.canPlan,
			hasPrevious: !!c.previousId
		},
		members: d.members,
		answers: d.answers,
		drafts: d.drafts.map((e) => ({
			area: e.area,
			what: e.what,
			how: e.how,
			dueOn: e.dueOn ?? '',
			responsibleId: e.responsibleId ?? '',
			followUp: e.followUp,
			effect: e.effect
		})),
		actions: d.actions,
		previousActions: d.previousActions,
		/** Whether each step has been started, for the progress indicator. */
		progress: {
			investigate: Object.keys(d.answers).length > 0,
			analyse: !!(c.strengths || c.needs || c.consequences),
			act: d.actions.length > 0 || d.drafts.length > 0
		}
	};
}
