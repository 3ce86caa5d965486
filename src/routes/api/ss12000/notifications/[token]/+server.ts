import { error } from '@sveltejs/kit';
import { requestJob } from '$lib/server/jobs/app-jobs';
import { isAppError } from '$lib/server/errors';
import { receiveSs12000Notification } from '$lib/server/integrations/ss12000/receive-ss12000-notification';
import type { RequestHandler } from './$types';

/**
 * Where an organizer's SS 12000 server posts its notifications (decision 051 addendum): server to server, no session;
 * the secret in the address is the key. The body is not read — it only says that something changed — so a JSON POST
 * passes SvelteKit's form CSRF check, and nothing in it is trusted. 202 when taken, 404 for an unknown address.
 */
export const POST: RequestHandler = async ({ params, locals }) => {
	try {
		const { requested } = await receiveSs12000Notification(locals.db, { token: params.token });
		if (requested) void requestJob('ss12000-sync').catch(() => undefined);
	} catch (e) {
		if (isAppError(e) && e.code === 'NOT_FOUND') error(404);
		throw e;
	}
	return new Response(null, { status: 202 });
};

/** Only POST means anything here; anything else learns nothing, not even whether the address exists. */
export const GET: RequestHandler = () => error(404);
