import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { loadForumForm } from '$lib/server/planning/forums/load-forum-form';
import { updateForum } from '$lib/server/planning/forums/update-forum';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	return loadForumForm(event.locals.db, { actor, organizerId: organizer.id, forumId: event.params.forumId }).catch(throwHttp);
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const data = await event.request.formData();
		const values = {
			name: String(data.get('name') ?? ''),
			purpose: String(data.get('purpose') ?? ''),
			kind: String(data.get('kind') ?? '')
		};
		const memberIds = data.getAll('memberIds').map(String);
		return runAction(
			async () => {
				await updateForum(event.locals.db, {
					actor,
					organizerId: organizer.id,
					forumId: event.params.forumId,
					input: { ...values, kind: values.kind as 'strategy', memberIds }
				});
				redirect(303, `/${organizer.slug}/planering/forum/${event.params.forumId}?sparat`);
			},
			{ values: { ...values, memberIds } }
		);
	}
};
