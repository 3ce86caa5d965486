import { redirect } from '@sveltejs/kit';
import { HOLIDAY_KEYS, swedishHolidays } from '$lib/server/support/sla';
import { addCalendarPeriod, findCalendarPeriods, removeCalendarPeriod } from '$lib/server/support/config/calendar-days';
import { CALENDAR_KINDS } from '$lib/server/support/config/calendar-input';
import { doneFrom, failAction, supportAdminContext, text } from '../support-admin';
import type { Actions, PageServerLoad } from './$types';

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
		try {
			await addCalendarPeriod(db, { ...opts, input: input as never });
		} catch (e) {
			return failAction(e, input, 'add');
		}
		redirect(303, `${base}/kalender?klart=tillagd`);
	},
	remove: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const data = await event.request.formData();
		const input = { from: text(data, 'from'), to: text(data, 'to') };
		try {
			await removeCalendarPeriod(db, { ...opts, input });
		} catch (e) {
			return failAction(e, {}, 'remove', 'egna-dagar');
		}
		redirect(303, `${base}/kalender?klart=borttagen`);
	}
};
