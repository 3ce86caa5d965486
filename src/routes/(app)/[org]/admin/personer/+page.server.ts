import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findPeople } from '$lib/server/people/find-people';
import { decodeCursor } from '$lib/server/people/cursor';
import { presentPerson } from '$lib/server/people/present-person';
import { findOrganizerInvitations } from '$lib/server/people/find-invitations';
import { cancelInvitation } from '$lib/server/people/cancel-invitation';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** ?klart=… after a redirect → the notice to show. */
const NOTICES: Record<string, string> = { inbjuden: 'people_notice_invited', tillbakadragen: 'invitations_cancelled' };

/** Page sizes the list offers; anything else in the URL falls back to the first. */
const PAGE_SIZES = [25, 10, 50, 100] as const;

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'person.manage');
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 200);
	const wanted = Number(params.get('antal'));
	const size = (PAGE_SIZES as readonly number[]).includes(wanted) ? wanted : PAGE_SIZES[0];
	const after = params.get('efter');
	try {
		const page = await findPeople(event.locals.db, { actor, organizerId: organizer.id, search: q, after, limit: size });
		return {
			q,
			size,
			sizes: [...PAGE_SIZES].sort((a, b) => a - b),
			people: page.people.map(presentPerson),
			nextCursor: page.nextCursor,
			isFirstPage: decodeCursor(after) === null,
			invitations: (await findOrganizerInvitations(event.locals.db, { actor, organizerId: organizer.id })).map((i) => ({
				id: i.id,
				name: i.name,
				email: i.email,
				createdAt: i.createdAt.toISOString()
			})),
			notice: NOTICES[params.get('klart') ?? ''] ?? null
		};
	} catch (e) {
		throwHttp(e);
	}
};

export const actions: Actions = {
	cancelInvitation: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'person.manage');
		const data = await event.request.formData();
		try {
			await cancelInvitation(event.locals.db, { actor, organizerId: organizer.id, invitationId: String(data.get('invitationId') ?? '') });
		} catch (e) {
			throwHttp(e);
		}
		redirect(303, `/${organizer.slug}/admin/personer?klart=tillbakadragen`);
	}
};
