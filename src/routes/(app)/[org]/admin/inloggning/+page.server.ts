import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { loadSignInAdmin } from '$lib/server/auth/sso/load-sign-in-admin';
import { updatePasswordSignIn } from '$lib/server/auth/sso/update-password-sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
	const admin = await loadSignInAdmin(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return { ...admin, saved: event.url.searchParams.has('sparad') };
};

export const actions: Actions = {
	password: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'sso.manage');
		const data = await event.request.formData();
		return runAction(async () => {
			await updatePasswordSignIn(event.locals.db, { actor, organizerId: organizer.id, allowed: data.get('passwordAllowed') === 'on' });
			redirect(303, `/${organizer.slug}/admin/inloggning?sparad`);
		});
	}
};
