import { redirect } from '@sveltejs/kit';
import { RESET_REQUEST_LIMITS, requestPasswordReset } from '$lib/server/auth/request-password-reset';
import { env } from '$lib/server/env';
import { formValues, runAction } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	sent: url.searchParams.has('skickat'),
	minutes: env.RESET_LINK_MINUTES
});

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const data = await request.formData();
		const values = formValues(data);
		return runAction(
			async () => {
				// The link is written and sent after the answer (the same answer, as fast, for every address).
				await requestPasswordReset(locals.db, {
					email: values.email ?? '',
					ip: getClientAddress(),
					limits: { perEmail: RESET_REQUEST_LIMITS.perEmail, perIp: env.RESET_LIMIT_IP }
				});
				redirect(303, '/glomt-losenord?skickat');
			},
			{ values, field: 'email' }
		);
	}
};
