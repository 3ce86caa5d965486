import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { findMyReflections } from '$lib/server/competence/find-my-reflections';
import { submitReflection } from '$lib/server/competence/submit-reflection';
import { REFLECTION, suggestionFor } from '$lib/server/competence/competence-rules';
import { can } from '$lib/server/policies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.reflect');
	const mine = await findMyReflections(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const latest = mine[0] ?? null;
	return {
		saved: event.url.searchParams.has('sparad'),
		canReadKb: can(actor, 'kb.read', { type: 'knowledge', organizerId: organizer.id }),
		areas: REFLECTION.areas.map((a) => ({ key: a.key, name: a.name, items: a.items })),
		latest: latest && {
			levels: REFLECTION.areas.map((a) => ({
				key: a.key,
				name: a.name,
				level: latest.levels[a.key] ?? 1,
				suggestion: suggestionFor(a, latest.levels[a.key] ?? 1),
				search: a.search
			}))
		},
		history: mine.map((r) => ({ id: r.id, createdAt: r.createdAt, levels: r.levels, overall: r.overall }))
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.reflect');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await submitReflection(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/kompetens/reflektion?sparad`);
			},
			{ values }
		);
	}
};
