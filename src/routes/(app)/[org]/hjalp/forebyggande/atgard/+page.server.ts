import { redirect } from '@sveltejs/kit';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { PREVENTIVE_RESPONSE_KINDS } from '$lib/server/db/schema';
import { loadPreventiveTarget } from '$lib/server/knowledge/prevention/load-preventive-target';
import { recordPreventiveResponse, type PreventiveTarget } from '$lib/server/knowledge/prevention/record-preventive-response';
import type { Actions, PageServerLoad } from './$types';

/** The case (?arende=<number>) or the cluster (?kategori=<id|none>&manad=YYYY-MM) the response is about. */
function targetOf(url: URL): PreventiveTarget {
	const p = url.searchParams;
	const number = p.get('arende');
	if (number !== null) return { ticketNumber: number.slice(0, 12) };
	return { categoryId: (p.get('kategori') ?? '').slice(0, 40), month: (p.get('manad') ?? '').slice(0, 7) };
}

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'kb.write');
	// Reached without naming a case or a month (a bookmark, a typed address): the workbench lists what to pick.
	const p = event.url.searchParams;
	if (!p.has('arende') && !p.has('manad')) redirect(303, `/${organizer.slug}/hjalp/forebyggande`);
	const target = await loadPreventiveTarget(event.locals.db, { actor, organizerId: organizer.id, target: targetOf(event.url) }).catch(
		throwHttp
	);
	return { target, kinds: [...PREVENTIVE_RESPONSE_KINDS] };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'kb.write');
		const data = await event.request.formData();
		const input = {
			kind: String(data.get('kind') ?? ''),
			note: String(data.get('note') ?? ''),
			articleSlug: String(data.get('articleSlug') ?? '')
		};
		return runAction(
			async () => {
				await recordPreventiveResponse(event.locals.db, { actor, organizerId: organizer.id, target: targetOf(event.url), input });
				redirect(303, `/${organizer.slug}/hjalp/forebyggande?registrerad`);
			},
			{ values: input }
		);
	}
};
