import { redirect } from '@sveltejs/kit';
import { getOwnAccount } from '$lib/server/auth/get-own-account';
import { changePassword } from '$lib/server/auth/change-password';
import { getTwoFactorState } from '$lib/server/auth/two-factor/get-two-factor-state';
import { runAction } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent('/konto')}`);
	const me = await getOwnAccount(locals.db, { actor: locals.actor });
	const twoFactorOn = (await getTwoFactorState(locals.db, locals.actor.personId)).state === 'on';
	return { me, twoFactorOn, changed: url.searchParams.has('bytt') };
};

export const actions: Actions = {
	changePassword: async ({ request, locals }) => {
		const { actor, sessionToken } = locals;
		if (!actor || !sessionToken) redirect(303, `/logga-in?redirectTo=${encodeURIComponent('/konto')}`);
		const data = await request.formData();
		return runAction(
			async () => {
				await changePassword(locals.db, {
					actor,
					sessionToken,
					currentPassword: String(data.get('currentPassword') ?? ''),
					newPassword: String(data.get('newPassword') ?? ''),
					newPasswordRepeat: String(data.get('newPasswordRepeat') ?? '')
				});
				redirect(303, '/konto?bytt');
			},
			{ field: 'currentPassword' }
		);
	}
};
