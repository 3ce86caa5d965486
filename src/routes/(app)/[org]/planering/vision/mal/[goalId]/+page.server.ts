import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { loadGoalForm } from '$lib/server/planning/vision/load-goal-form';
import { saveGoal } from '$lib/server/planning/vision/save-goal';
import { removeGoal } from '$lib/server/planning/vision/remove-goal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	return loadGoalForm(event.locals.db, { actor, organizerId: organizer.id, goalId: event.params.goalId, locale: getLocale() }).catch(
		throwHttp
	);
};

const isNew = (goalId: string) => goalId === 'ny';

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const data = await event.request.formData();
		const values = {
			title: String(data.get('title') ?? ''),
			description: String(data.get('description') ?? ''),
			position: String(data.get('position') ?? '')
		};
		const subGoals = data.getAll('subGoals').map(String);
		return runAction(
			async () => {
				const goalId = isNew(event.params.goalId) ? undefined : event.params.goalId;
				await saveGoal(event.locals.db, { actor, organizerId: organizer.id, goalId, input: { ...values, subGoals } });
				redirect(303, `/${organizer.slug}/planering/vision?sparat`);
			},
			{ values: { ...values, subGoals } }
		);
	},
	remove: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		return runAction(async () => {
			await removeGoal(event.locals.db, { actor, organizerId: organizer.id, goalId: event.params.goalId });
			redirect(303, `/${organizer.slug}/planering/vision?sparat`);
		});
	}
};
