import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { addComparisonMapping } from '$lib/server/followup/comparisons/add-comparison-mapping';
import { getComparisonOverview } from '$lib/server/followup/comparisons/get-comparison-overview';
import { removeComparisonMapping } from '$lib/server/followup/comparisons/remove-comparison-mapping';
import { setMunicipalityCode } from '$lib/server/followup/comparisons/set-municipality-code';
import type { Actions, PageServerLoad } from './$types';

/** The imported key figures with their values, the links to own figures, and the organizer's kommunkod. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
	const overview = await getComparisonOverview(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const q = event.url.searchParams;
	const notice = q.has('kommunkod') ? 'municipality' : q.has('kopplad') ? 'added' : q.has('borttagen') ? 'removed' : null;
	return { overview, notice };
};

const back = (slug: string, flag: string) => redirect(303, `/${slug}/uppfoljning/jamforelsevarden?${flag}`);

export const actions: Actions = {
	municipality: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await setMunicipalityCode(event.locals.db, { actor, organizerId: organizer.id, values });
				back(organizer.slug, 'kommunkod');
			},
			{ values, field: 'municipalityCode', data: { action: 'municipality' } }
		);
	},
	map: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await addComparisonMapping(event.locals.db, { actor, organizerId: organizer.id, values });
				back(organizer.slug, 'kopplad');
			},
			{ values, field: 'keyFigureId', data: { action: 'map' } }
		);
	},
	unmap: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await removeComparisonMapping(event.locals.db, {
					actor,
					organizerId: organizer.id,
					figureKey: values.figureKey ?? '',
					keyFigureId: values.keyFigureId ?? ''
				});
				back(organizer.slug, 'borttagen');
			},
			{ values, data: { action: 'unmap' } }
		);
	}
};
