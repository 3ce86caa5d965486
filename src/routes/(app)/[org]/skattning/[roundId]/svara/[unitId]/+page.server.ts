import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getAnswerStart } from '$lib/server/assessment/answering/get-answer-start';
import { startResponse } from '$lib/server/assessment/answering/start-response';
import { isAppError } from '$lib/server/errors';
import { perspectivePaths, startPath } from './respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	const { roundId, unitId } = event.params;
	const start = await getAnswerStart(event.locals.db, { actor, organizerId: organizer.id, roundId, unitId }).catch(throwHttp);
	return {
		round: { name: start.round.name, opensOn: start.round.opensOn, closesOn: start.round.closesOn },
		status: start.status,
		unitName: start.unit.name,
		perspectives: start.perspectives.map((p) => ({
			...p,
			href: perspectivePaths(organizer.slug, roundId, unitId, p.perspective).page
		}))
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
		const { roundId, unitId } = event.params;
		const perspective = String((await event.request.formData()).get('perspective') ?? '');
		const start = await getAnswerStart(event.locals.db, { actor, organizerId: organizer.id, roundId, unitId }).catch(throwHttp);
		if (!start.perspectives.some((p) => p.perspective === perspective)) error(400);
		try {
			await startResponse(event.locals.db, {
				respondent: { kind: 'person', actor, organizerId: organizer.id, roundId, unitId, perspective }
			});
		} catch (e) {
			if (isAppError(e) && e.code === 'CONFLICT') redirect(303, startPath(organizer.slug, roundId, unitId));
			throwHttp(e);
		}
		redirect(303, perspectivePaths(organizer.slug, roundId, unitId, perspective).page);
	}
};
