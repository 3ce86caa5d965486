import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getMeeting } from '$lib/server/planning/forums/get-meeting';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const ids = { actor, organizerId: organizer.id, forumId: event.params.forumId, meetingId: event.params.meetingId };
	return getMeeting(event.locals.db, ids).catch(throwHttp);
};
