import { redirect } from '@sveltejs/kit';
import { HOLIDAY_KEYS, swedishHolidays } from '$lib/server/support/sla';
import { addCalendarPeriod, findCalendarPeriods, removeCalendarPeriod } from '$lib/server/support/config/calendar-days';
import { CALENDAR_KINDS } from '$lib/server/support/config/calendar-input';
import { doneFrom, supportAdminContext, text } from '../support-admin';
import type { Actions, PageServerLoad } from './$types';
import { runAction } from '$lib/server/http/errors';

export const load: PageServerLoad = async (event) => {
	const { db, opts } = await supportAdminContext(event);
	const year = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()));
	return {
		periods: await findCalendarPeriods(db, opts),
		kinds: [...CALENDAR_KINDS],
		holidayYears: [year, year + 1].map((y) => ({ year: y, days: swedishHolidays(y) })),
		holidayKeys: [...HOLIDAY_KEYS],
		done: doneFrom(event.url, ['tillagd', 'borttagen'])
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const data = await event.request.formData();
		const input = { from: text(data, 'from'), to: text(data, 'to'), kind: text(data, 'kind'), label: text(data, 'label') };
		return runAction(
			async () => {
				await addCalendarPeriod(db, { ...opts, input: input as never });
				redirect(303, `${base}/kalender?klart=tillagd`);
			},
			{ values: input, field: 'add', data: { action: 'add' } }
		);
	},
	remove: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const data = await event.request.formData();
		const input = { from: text(data, 'from'), to: text(data, 'to') };
		return runAction(
			async () => {
				await removeCalendarPeriod(db, { ...opts, input });
				redirect(303, `${base}/kalender?klart=borttagen`);
			},
			{ field: 'remove', data: { action: 'remove' }, renameField: () => 'egna-dagar' }
		);
	}
};
