import { redirect } from '@sveltejs/kit';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { recordAudit } from '$lib/server/audit/record-audit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionToken) {
			const token = locals.sessionToken;
			const actorId = locals.actor?.personId ?? null;
			await locals.db.transaction(async (tx) => {
				await deleteSession(tx, token);
				await recordAudit(tx, { organizerId: null, actorId, action: 'session.delete', entityType: 'session' });
			});
		}
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/logga-in?utloggad');
	}
};
