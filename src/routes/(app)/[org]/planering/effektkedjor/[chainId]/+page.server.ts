import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { loadChainPage } from '$lib/server/planning/effects/load-chain-page';
import { addResult } from '$lib/server/planning/effects/change-step';
import { linkAction, unlinkAction } from '$lib/server/planning/effects/link-action';
import { addIndicator } from '$lib/server/planning/effects/save-indicator';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const page = await loadChainPage(event.locals.db, {
		actor,
		organizerId: organizer.id,
		chainId: event.params.chainId,
		locale: getLocale()
	}).catch(throwHttp);
	return { ...page, created: event.url.searchParams.has('ny'), saved: event.url.searchParams.has('sparat') };
};

/**
 * Runs one form of the chain page. The page holds several forms, so each names its fields apart (`renames`:
 * the domain's field → the form's) and the failure says which form it was, to keep that form's values.
 */
async function run(
	event: RequestEvent,
	which: string,
	renames: Record<string, string>,
	write: (ctx: { actor: Parameters<typeof addResult>[1]['actor']; organizerId: string; values: Record<string, string> }) => Promise<unknown>
) {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const values = formValues(await event.request.formData());
	const input = { ...values };
	for (const [domain, field] of Object.entries(renames)) input[domain] = values[field] ?? '';
	return runAction(
		async () => {
			await write({ actor, organizerId: organizer.id, values: input });
			redirect(303, `/${organizer.slug}/planering/effektkedjor/${event.params.chainId}?sparat#${which}`);
		},
		{ values: { ...values, form: which }, renameField: (f) => renames[f] ?? f }
	);
}

export const actions: Actions = {
	result: async (event) =>
		run(event, 'resultat', { text: 'resultText' }, ({ actor, organizerId, values }) =>
			addResult(event.locals.db, { actor, organizerId, chainId: event.params.chainId, input: values })
		),
	link: async (event) =>
		run(event, 'koppla', { stepId: 'linkStepId' }, ({ actor, organizerId, values }) =>
			linkAction(event.locals.db, { actor, organizerId, chainId: event.params.chainId, input: values })
		),
	unlink: async (event) =>
		run(event, 'kedjan', {}, ({ actor, organizerId, values }) =>
			unlinkAction(event.locals.db, { actor, organizerId, chainId: event.params.chainId, input: values })
		),
	indicator: async (event) =>
		run(event, 'indikator', { stepId: 'indicatorStepId' }, ({ actor, organizerId, values }) =>
			addIndicator(event.locals.db, { actor, organizerId, chainId: event.params.chainId, input: values })
		)
};
