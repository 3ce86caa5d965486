import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { AppError } from '$lib/server/errors';
import { getActionDetails } from '$lib/server/planning/get-action-details';
import { updateAction } from '$lib/server/planning/update-action';
import { loadActionForm } from '$lib/server/planning/load-action-form';
import { presentActionForm } from '$lib/server/planning/present-action-form';
import { actionFormInput } from '$lib/server/planning/action-form-values';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const db = event.locals.db;
	const details = await getActionDetails(db, {
		actor,
		organizerId: organizer.id,
		actionId: event.params.actionId,
		locale: getLocale()
	}).catch(throwHttp);
	if (!details.canEdit) throwHttp(new AppError('FORBIDDEN', 'action'));
	const options = await loadActionForm(db, { actor, organizerId: organizer.id }).catch(throwHttp);
	// An action keeps its course after the course was archived: offer it so saving does not drop it (decision 066).
	const held = details.course?.course;
	if (held && !options.courses.some((c) => c.value === held.id)) options.courses.push({ value: held.id, label: held.title });
	return {
		action: { id: details.action.id, title: details.action.title },
		period: details.plan.period,
		form: presentActionForm(options, getLocale(), details.links),
		initial: details.values,
		participantIds: details.participantIds,
		links: details.links
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const { values, lists, input } = actionFormInput(await event.request.formData());
		return runAction(
			async () => {
				await updateAction(event.locals.db, { actor, organizerId: organizer.id, actionId: event.params.actionId, input });
				redirect(303, `/${organizer.slug}/planering/aktivitet/${event.params.actionId}?sparat`);
			},
			{ values: { ...values, ...lists } }
		);
	}
};
