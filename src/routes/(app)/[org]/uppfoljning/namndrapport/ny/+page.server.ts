import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import { findVisibleUnits } from '$lib/server/org/find-visible-units';
import { findDraftAsks, removeBoardAsk, saveBoardAsk } from '$lib/server/followup/board-report/board-asks';
import { generateBoardReport } from '$lib/server/followup/board-report/generate-board-report';
import { defaultTerm, recentTerms } from '$lib/server/followup/board-report/period';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.report');
	const db = event.locals.db;
	const today = todayInStockholm();
	const [asks, units] = await Promise.all([
		findDraftAsks(db, { actor, organizerId: organizer.id }).catch(throwHttp),
		findVisibleUnits(db, actor, organizer.id)
	]);
	const chosen = defaultTerm(today);
	const from = event.url.searchParams.get('from') ?? chosen.from;
	const to = event.url.searchParams.get('to') ?? chosen.to;
	return {
		asks,
		units: units.map((u) => ({ id: u.id, name: u.name })),
		period: { from, to },
		terms: recentTerms(today, 4)
	};
};

export const actions: Actions = {
	addAsk: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.report');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveBoardAsk(event.locals.db, {
					actor,
					organizerId: organizer.id,
					input: { title: values.title ?? '', body: values.body ?? '' }
				});
				redirect(303, event.url.pathname + '#asks');
			},
			{ values, field: 'title', data: { form: 'addAsk' } }
		);
	},
	saveAsk: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.report');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveBoardAsk(event.locals.db, {
					actor,
					organizerId: organizer.id,
					askId: values.askId ?? '',
					input: { title: values.title ?? '', body: values.body ?? '' }
				});
				redirect(303, event.url.pathname + '#asks');
			},
			{ values, field: 'title', data: { form: 'saveAsk' } }
		);
	},
	removeAsk: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.report');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await removeBoardAsk(event.locals.db, { actor, organizerId: organizer.id, askId: values.askId ?? '' });
				redirect(303, event.url.pathname + '#asks');
			},
			{ values, data: { form: 'removeAsk' } }
		);
	},
	generate: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.report');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const { id } = await generateBoardReport(event.locals.db, {
					actor,
					organizer,
					input: { from: values.from ?? '', to: values.to ?? '', unitId: values.unitId || null, locale: getLocale() }
				});
				redirect(303, `/${organizer.slug}/uppfoljning/namndrapport/${id}`);
			},
			{ values, field: 'from', data: { form: 'generate' } }
		);
	}
};
