import { redirect } from '@sveltejs/kit';
import { getOwnAccount } from '$lib/server/auth/get-own-account';
import { formValues, runAction } from '$lib/server/http/errors';
import { changeOwnName } from '$lib/server/people/change-own-name';
import { EMAIL_CHANGE_HOURS, requestEmailChange } from '$lib/server/people/request-email-change';
import type { Actions, PageServerLoad } from './$types';

const signIn = () => redirect(303, `/logga-in?redirectTo=${encodeURIComponent('/konto/uppgifter')}`);

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) signIn();
	const me = await getOwnAccount(locals.db, { actor: locals.actor });
	return { me, hours: EMAIL_CHANGE_HOURS, done: url.searchParams.get('klart') };
};

export const actions: Actions = {
	name: async ({ request, locals }) => {
		if (!locals.actor) signIn();
		const values: Record<string, string> = { ...formValues(await request.formData()), intent: 'name' };
		return runAction(
			async () => {
				await changeOwnName(locals.db, { actor: locals.actor, name: values.name ?? '' });
				redirect(303, '/konto/uppgifter?klart=namn');
			},
			{ values, field: 'name' }
		);
	},
	email: async ({ request, locals, url }) => {
		if (!locals.actor) signIn();
		const data = await request.formData();
		const values: Record<string, string> = { ...formValues(data, ['currentPassword']), intent: 'email' };
		return runAction(
			async () => {
				await requestEmailChange(locals.db, {
					actor: locals.actor,
					currentPassword: String(data.get('currentPassword') ?? ''),
					newEmail: values.newEmail ?? '',
					origin: url.origin
				});
				redirect(303, '/konto/uppgifter?klart=lank');
			},
			{ values, field: 'newEmail' }
		);
	}
};
