import { error } from '@sveltejs/kit';
import { getOutboxMessageById } from '$lib/server/mail/get-outbox-message';
import { presentOutboxMessage } from '$lib/server/mail/present-outbox-message';
import { env } from '$lib/server/env';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'outbox.view');
	if (!/^\d{1,15}$/.test(event.params.mailId)) error(404);
	// The body may hold a one-time link: never cache it.
	event.setHeaders({ 'Cache-Control': 'private, no-store' });
	try {
		const row = await getOutboxMessageById(event.locals.db, { actor, organizerId: organizer.id, id: Number(event.params.mailId) });
		return { message: presentOutboxMessage(row, Boolean(env.SMTP_HOST)) };
	} catch (e) {
		throwHttp(e);
	}
};
