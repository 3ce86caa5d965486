import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction } from '$lib/server/http/errors';
import { deliverOutboxLater } from '$lib/server/mail/deliver-outbox-later';
import { getReminderSettings } from '$lib/server/planning/reminders/settings';
import { updateReminderSettings } from '$lib/server/planning/reminders/update-reminder-settings';
import { sendRemindersNow } from '$lib/server/planning/reminders/send-reminders-now';
import type { Actions, PageServerLoad } from './$types';

const count = (v: string | null) => (v && /^\d{1,6}$/.test(v) ? Number(v) : null);

export const load: PageServerLoad = async (event) => {
	const { organizer } = await requireOrganizer(event, 'planning.configure');
	const q = event.url.searchParams;
	const settings = await getReminderSettings(event.locals.db, organizer.id);
	const soon = count(q.get('fore'));
	const overdue = count(q.get('efter'));
	return {
		daysBefore: String(settings.daysBefore),
		saved: q.has('sparat'),
		sent: soon !== null && overdue !== null ? { soon, overdue } : null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.configure');
		const data = await event.request.formData();
		const input = { daysBefore: String(data.get('daysBefore') ?? '').slice(0, 20) };
		return runAction(
			async () => {
				await updateReminderSettings(event.locals.db, { actor, organizerId: organizer.id, input });
				redirect(303, `/${organizer.slug}/planering/paminnelser?sparat`);
			},
			{ values: input, field: 'daysBefore' }
		);
	},
	send: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.configure');
		return runAction(async () => {
			const sent = await sendRemindersNow(event.locals.db, { actor, organizerId: organizer.id });
			deliverOutboxLater(event.locals.db);
			redirect(303, `/${organizer.slug}/planering/paminnelser?fore=${sent.dueSoon}&efter=${sent.overdue}`);
		});
	}
};
