import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { getActionDetails } from '$lib/server/planning/get-action-details';
import { changeActionStatus } from '$lib/server/planning/change-action-status';
import { ACTION_STATUSES } from '$lib/server/planning/statuses';
import { loadSubGoalGuides } from '$lib/server/planning/sub-goal-guides';
import { findActionChains } from '$lib/server/planning/effects/find-chains';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const details = await getActionDetails(event.locals.db, {
		actor,
		organizerId: organizer.id,
		actionId: event.params.actionId,
		locale: getLocale()
	}).catch(throwHttp);
	const chains = await findActionChains(event.locals.db, { actor, organizerId: organizer.id, actionId: details.action.id });
	return {
		guides: await loadSubGoalGuides(
			details.action.links.map((l) => l.value),
			getLocale()
		),
		chains,
		action: details.action,
		course: details.course,
		plan: details.plan,
		history: details.history,
		canStatus: details.canStatus,
		canEdit: details.canEdit,
		statuses: ACTION_STATUSES,
		created: event.url.searchParams.has('ny'),
		saved: event.url.searchParams.has('sparat')
	};
};

export const actions: Actions = {
	status: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await changeActionStatus(event.locals.db, { actor, organizerId: organizer.id, actionId: event.params.actionId, input: values });
				redirect(303, `/${organizer.slug}/planering/aktivitet/${event.params.actionId}?sparat#historik`);
			},
			{ values }
		);
	}
};
