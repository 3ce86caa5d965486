import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getForum } from '$lib/server/planning/forums/get-forum';
import { findForumMeetings } from '$lib/server/planning/forums/find-forum-meetings';
import { createMeeting, type MeetingInput } from '$lib/server/planning/forums/create-meeting';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const forum = await getForum(event.locals.db, { actor, organizerId: organizer.id, forumId: event.params.forumId }).catch(throwHttp);
	const found = await findForumMeetings(event.locals.db, { actor, forum });
	return {
		forum: {
			id: forum.id,
			name: forum.name,
			purpose: forum.purpose,
			kind: forum.kind,
			unitName: forum.unitName,
			canManage: forum.canManage
		},
		...found,
		created: event.url.searchParams.has('ny'),
		saved: event.url.searchParams.has('sparat'),
		removed: event.url.searchParams.has('borttaget')
	};
};

export const actions: Actions = {
	meeting: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const id = (
					await createMeeting(event.locals.db, {
						actor,
						organizerId: organizer.id,
						forumId: event.params.forumId,
						input: values as MeetingInput
					})
				).id;
				redirect(303, `/${organizer.slug}/planering/forum/${event.params.forumId}/mote/${id}?ny`);
			},
			{ values }
		);
	}
};
