import { error, redirect } from '@sveltejs/kit';
import { getOutboxMessageById } from '$lib/server/mail/get-outbox-message';
import { presentOutboxMessage } from '$lib/server/mail/present-outbox-message';
import { retryOutboxMessage } from '$lib/server/mail/retry-outbox-message';
import { deliverOutboxLater } from '$lib/server/mail/deliver-outbox-later';
import { MAX_ATTEMPTS } from '$lib/server/mail/deliver-outbox';
import { env } from '$lib/server/env';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

const mailId = (v: string) => {
	if (!/^\d{1,15}$/.test(v)) error(404);
	return Number(v);
};

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'outbox.view');
	const id = mailId(event.params.mailId);
	// The body may hold a one-time link: never cache it.
	event.setHeaders({ 'Cache-Control': 'private, no-store' });
	try {
		const row = await getOutboxMessageById(event.locals.db, { actor, organizerId: organizer.id, id });
		return {
			message: presentOutboxMessage(row, Boolean(env.SMTP_HOST)),
			maxAttempts: MAX_ATTEMPTS,
			retried: event.url.searchParams.get('klart') === 'igen'
		};
	} catch (e) {
		throwHttp(e);
	}
};

export const actions: Actions = {
	/** "Försök igen nu": the failed message becomes due now and delivery starts (when SMTP is set up). */
	retry: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'outbox.view');
		const id = mailId(event.params.mailId);
		return runAction(
			async () => {
				await retryOutboxMessage(event.locals.db, { actor, organizerId: organizer.id, id });
				deliverOutboxLater(event.locals.db);
				redirect(303, `/${organizer.slug}/admin/utkorg/${id}?klart=igen`);
			},
			{ field: 'retry' }
		);
	}
};
