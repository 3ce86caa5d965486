import { loadSubGoalPage, saveSubGoalAction } from '$lib/server/http/answer-pages';
import { loadUnitEvidence } from '$lib/server/followup/picture/load-unit-evidence';
import { personRespondent } from '../respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { respondent, paths } = await personRespondent(event);
	const page = await loadSubGoalPage(event.locals.db, respondent, event.url, paths);
	// "How support looked at your unit this year" beside the sub-goal being answered, as on the consensus page: each
	// figure only under its module's own rule for this person (most teachers see none, and then there is no box).
	const evidence =
		respondent.kind === 'person' && respondent.actor
			? await loadUnitEvidence(event.locals.db, {
					actor: respondent.actor,
					organizerId: respondent.organizerId,
					unitId: respondent.unitId,
					subGoalId: page.page.subGoal.id
				})
			: null;
	return { ...page, evidence: evidence && { schoolYear: evidence.schoolYear, figures: evidence.figures.map(({ source: _s, ...f }) => f) } };
};

const save = (move: 'next' | 'previous' | 'stay') => async (event: Parameters<Actions[string]>[0]) => {
	const { respondent, paths } = await personRespondent(event);
	return saveSubGoalAction(event, respondent, move, paths);
};

export const actions: Actions = { next: save('next'), previous: save('previous'), save: save('stay') };
