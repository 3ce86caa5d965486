import { findOutboxMessages } from '$lib/server/mail/find-outbox-messages';
import { presentOutboxMessage } from '$lib/server/mail/present-outbox-message';
import { env } from '$lib/server/env';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import type { PageServerLoad } from './$types';

/** `?fran=<id>`: the page of messages older than that id (keyset paging). Anything else: the newest. */
const parseBefore = (v: string | null) => (v && /^\d{1,15}$/.test(v) ? Number(v) : null);

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'outbox.view');
	const before = parseBefore(event.url.searchParams.get('fran'));
	const smtpConfigured = Boolean(env.SMTP_HOST);
	try {
		const page = await findOutboxMessages(event.locals.db, { actor, organizerId: organizer.id, before });
		return {
			messages: page.rows.map((r) => presentOutboxMessage(r, smtpConfigured)),
			nextBefore: page.nextBefore,
			isFirstPage: before === null,
			smtpConfigured
		};
	} catch (e) {
		throwHttp(e);
	}
};
