import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isAppError } from '$lib/server/errors';
import { findMySurveys } from '$lib/server/followup/surveys/find-my-surveys';
import { openMySurvey } from '$lib/server/followup/surveys/open-my-survey';
import type { Actions, PageServerLoad } from './$types';

const PATH = '/enkat';

function requireActor({ locals }: Pick<RequestEvent, 'locals'>) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(PATH)}`);
	return locals.actor;
}

/** "Mina enkäter": the signed-in person's unanswered survey invitations (the pulse after a case among them). */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { items: await findMySurveys(event.locals.db, { actor }) };
};

export const actions: Actions = {
	open: async (event) => {
		const actor = requireActor(event);
		const id = (await event.request.formData()).get('id');
		let token: string;
		try {
			token = await openMySurvey(event.locals.db, { actor, invitationId: typeof id === 'string' ? id : '' });
		} catch (e) {
			if (isAppError(e) && e.code === 'NOT_FOUND') error(404);
			throw e;
		}
		redirect(303, `/enkat/${token}`);
	}
};
