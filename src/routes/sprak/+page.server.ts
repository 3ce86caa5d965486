import { redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/server/http/redirect';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** Remembers the chosen language in a cookie for a year, then goes back. Works without JavaScript. */
export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const data = await request.formData();
		const locale = data.get('locale') === 'en' ? 'en' : 'sv';
		cookies.set('PARAGLIDE_LOCALE', locale, { path: '/', maxAge: 31_536_000, httpOnly: false, sameSite: 'lax' });
		redirect(303, safeRedirectTarget(String(data.get('redirectTo') ?? '/')));
	}
};
