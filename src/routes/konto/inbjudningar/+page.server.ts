import { fail, redirect } from '@sveltejs/kit';
import { isAppError } from '$lib/server/errors';
import { findOwnInvitations, getAnsweredInvitation } from '$lib/server/people/find-invitations';
import { respondToInvitation } from '$lib/server/people/respond-to-invitation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const HERE = '/konto/inbjudningar';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(HERE)}`);
	const rows = await findOwnInvitations(locals.db, { actor: locals.actor });
	// The confirmation names the organizer from the database, never from the address (which anyone could write).
	const answered = await getAnsweredInvitation(locals.db, { actor: locals.actor, invitationId: url.searchParams.get('besvarad') ?? '' });
	return {
		invitations: rows.map((r) => ({ id: r.id, organizerName: r.organizerName, createdAt: r.createdAt.toISOString() })),
		answered: answered ? { accepted: answered.status === 'accepted', organizerName: answered.organizerName } : null
	};
};

/** Answers the invitation in the form; a stale or someone else's invitation gets a message, not an error page. */
async function answer({ locals, request }: RequestEvent, accept: boolean) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(HERE)}`);
	const data = await request.formData();
	const invitationId = String(data.get('invitationId') ?? '');
	try {
		await respondToInvitation(locals.db, { actor: locals.actor, invitationId, accept });
	} catch (e) {
		if (isAppError(e) && e.code === 'NOT_FOUND') return fail(404, { notFound: true });
		throw e;
	}
	redirect(303, `${HERE}?besvarad=${encodeURIComponent(invitationId)}`);
}

export const actions: Actions = {
	accept: (event) => answer(event, true),
	decline: (event) => answer(event, false)
};
