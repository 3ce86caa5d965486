import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getChain } from '$lib/server/planning/effects/get-chain';
import { updateStep } from '$lib/server/planning/effects/change-step';
import { removeStep } from '$lib/server/planning/effects/remove-from-chain';
import { unconfirmedRemoval } from '$lib/server/http/confirm-removal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const chain = await getChain(event.locals.db, {
		actor,
		organizerId: organizer.id,
		chainId: event.params.chainId,
		need: 'plan.write'
	}).catch(throwHttp);
	const step = chain.steps.find((s) => s.id === event.params.stepId);
	if (!step) error(404);
	return { chain: { id: chain.id, title: chain.title }, step: { id: step.id, kind: step.kind as 'effect' | 'result', text: step.text } };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await updateStep(event.locals.db, {
					actor,
					organizerId: organizer.id,
					chainId: event.params.chainId,
					stepId: event.params.stepId,
					input: values
				});
				redirect(303, `/${organizer.slug}/planering/effektkedjor/${event.params.chainId}?sparat`);
			},
			{ values }
		);
	},
	remove: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const refused = unconfirmedRemoval(await event.request.formData());
		if (refused) return refused;
		return runAction(async () => {
			await removeStep(event.locals.db, { actor, organizerId: organizer.id, chainId: event.params.chainId, stepId: event.params.stepId });
			redirect(303, `/${organizer.slug}/planering/effektkedjor/${event.params.chainId}?sparat`);
		});
	}
};
