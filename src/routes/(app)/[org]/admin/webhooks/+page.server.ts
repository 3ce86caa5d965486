import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction } from '$lib/server/http/errors';
import { createWebhook } from '$lib/server/integrations/webhooks/create-webhook';
import { findWebhooks } from '$lib/server/integrations/webhooks/find-webhooks';
import { removeWebhook } from '$lib/server/integrations/webhooks/remove-webhook';
import { sendTestEvent } from '$lib/server/integrations/webhooks/send-test-event';
import { WEBHOOK_EVENTS } from '$lib/server/integrations/webhooks/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'webhooks.manage');
	return {
		webhooks: await findWebhooks(event.locals.db, { actor, organizerId: organizer.id }),
		events: [...WEBHOOK_EVENTS],
		removed: event.url.searchParams.has('borttagen')
	};
};

export const actions: Actions = {
	/** Answers with the signing secret instead of a redirect: this response is the only time it is shown. */
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'webhooks.manage');
		const data = await event.request.formData();
		const input = { url: String(data.get('url') ?? ''), events: data.getAll('events').map(String) };
		return runAction(
			async () => {
				const { secret } = await createWebhook(event.locals.db, { actor, organizerId: organizer.id, input });
				return { secret };
			},
			{ values: { url: input.url, events: input.events.join(',') } }
		);
	},
	test: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'webhooks.manage');
		const data = await event.request.formData();
		return runAction(async () => {
			const delivery = await sendTestEvent(event.locals.db, {
				actor,
				organizerId: organizer.id,
				subscriptionId: String(data.get('subscriptionId') ?? '')
			});
			return { tested: { ok: delivery.ok, status: delivery.status, error: delivery.error } };
		});
	},
	remove: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'webhooks.manage');
		const data = await event.request.formData();
		return runAction(async () => {
			await removeWebhook(event.locals.db, { actor, organizerId: organizer.id, subscriptionId: String(data.get('subscriptionId') ?? '') });
			redirect(303, `/${organizer.slug}/admin/webhooks?borttagen`);
		});
	}
};
