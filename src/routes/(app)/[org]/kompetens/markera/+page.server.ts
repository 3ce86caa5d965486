import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { loadMarkingPage } from '$lib/server/competence/load-marking-page';
import { markStep } from '$lib/server/competence/mark-step';
import { withdrawMarking } from '$lib/server/competence/withdraw-marking';
import { createClass } from '$lib/server/competence/create-class';
import { STAGES } from '$lib/server/competence/competence-rules';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.mark');
	const page = await loadMarkingPage(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return {
		...page,
		stages: STAGES,
		today: todayInStockholm(),
		notice: ['markerad', 'borttagen', 'klass'].find((k) => event.url.searchParams.has(k)) ?? null
	};
};

export const actions: Actions = {
	mark: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.mark');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await markStep(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/kompetens/markera?markerad`);
			},
			{ values }
		);
	},
	withdraw: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.mark');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await withdrawMarking(event.locals.db, { actor, organizerId: organizer.id, markingId: values.markingId ?? '' });
				redirect(303, `/${organizer.slug}/kompetens/markera?borttagen`);
			},
			{ values }
		);
	},
	addClass: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.mark');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await createClass(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/kompetens/markera?klass`);
			},
			{ values: { ...values, form: 'class' } }
		);
	}
};
