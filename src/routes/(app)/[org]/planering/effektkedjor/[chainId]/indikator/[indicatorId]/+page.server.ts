import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { loadChainPage } from '$lib/server/planning/effects/load-chain-page';
import { addMeasurement, updateIndicator } from '$lib/server/planning/effects/save-indicator';
import { removeIndicator } from '$lib/server/planning/effects/remove-from-chain';
import { unconfirmedRemoval } from '$lib/server/http/confirm-removal';
import type { Actions, PageServerLoad } from './$types';

const show = (v: number | null) => (v === null ? '' : String(v));

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const page = await loadChainPage(event.locals.db, {
		actor,
		organizerId: organizer.id,
		chainId: event.params.chainId,
		locale: getLocale()
	}).catch(throwHttp);
	if (!page.chain.canWrite || !page.options) error(403);
	const indicator = page.steps.flatMap((s) => s.indicators).find((i) => i.id === event.params.indicatorId);
	if (!indicator) error(404);
	const p = indicator.params;
	return {
		chain: { id: page.chain.id, title: page.chain.title },
		indicator: { id: indicator.id, name: indicator.name, kind: indicator.kind, format: indicator.format, history: indicator.history },
		initial: {
			name: indicator.name,
			kind: indicator.kind,
			goal: p.subGoalId ? [p.frameworkKey, p.subGoalId, ...(p.itemKey ? [p.itemKey] : [])].join(':') : '',
			perspective: p.perspective ?? '',
			line: String(p.line ?? 0),
			slaKind: p.slaKind ?? 'resolution',
			baselineValue: show(indicator.baseline.value),
			baselineOn: indicator.baseline.on ?? '',
			targetValue: show(indicator.target.value),
			targetOn: indicator.target.on ?? ''
		},
		goals: page.options.goals
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const ids = { chainId: event.params.chainId, indicatorId: event.params.indicatorId };
				await updateIndicator(event.locals.db, { actor, organizerId: organizer.id, ...ids, input: values });
				redirect(303, `/${organizer.slug}/planering/effektkedjor/${event.params.chainId}?sparat`);
			},
			{ values: { ...values, form: 'save' } }
		);
	},
	measure: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const ids = { chainId: event.params.chainId, indicatorId: event.params.indicatorId };
				await addMeasurement(event.locals.db, { actor, organizerId: organizer.id, ...ids, input: values });
				redirect(303, `/${organizer.slug}/planering/effektkedjor/${event.params.chainId}?sparat`);
			},
			{ values: { ...values, form: 'measure' } }
		);
	},
	remove: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const refused = unconfirmedRemoval(await event.request.formData(), { form: 'remove' });
		if (refused) return refused;
		return runAction(
			async () => {
				const ids = { chainId: event.params.chainId, indicatorId: event.params.indicatorId };
				await removeIndicator(event.locals.db, { actor, organizerId: organizer.id, ...ids });
				redirect(303, `/${organizer.slug}/planering/effektkedjor/${event.params.chainId}?sparat`);
			},
			{ values: { form: 'remove' } }
		);
	}
};
