import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { createRound } from '$lib/server/assessment/rounds/create-round';
import { loadRoundFormOptions } from '$lib/server/assessment/rounds/load-round-form-options';
import { PERSPECTIVES } from '$lib/server/assessment/framework/framework-schema';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import { DEFAULT_REMINDER_DAYS, formatReminderDays } from '$lib/server/assessment/answer-reminders/reminder-days';
import { failRoundForm, readRoundForm } from '../round-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
	const options = await loadRoundFormOptions(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return {
		...options,
		perspectives: PERSPECTIVES,
		defaults: {
			opensOn: todayInStockholm(),
			perspectives: [...PERSPECTIVES],
			remind: true,
			remindDays: formatReminderDays(DEFAULT_REMINDER_DAYS)
		}
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
		const values = readRoundForm(await event.request.formData());
		const bad = failRoundForm(values);
		if (bad) return bad;
		return runAction(
			async () => {
				const id = (await createRound(event.locals.db, { actor, organizerId: organizer.id, input: values })).id;
				redirect(303, `/${organizer.slug}/skattning/${id}?klart=skapad`);
			},
			{ values }
		);
	}
};
