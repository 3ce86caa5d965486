import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { getPlan } from '$lib/server/competence/get-plan';
import { adoptStarterPlan } from '$lib/server/competence/adopt-starter-plan';
import { createPlanVersion } from '$lib/server/competence/create-plan-version';
import { saveStep } from '$lib/server/competence/save-step';
import { ASPECTS, STAGES } from '$lib/server/competence/competence-rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.view');
	const asked = Number(event.url.searchParams.get('version'));
	const plan = await getPlan(event.locals.db, {
		actor,
		organizerId: organizer.id,
		version: Number.isInteger(asked) && asked > 0 ? asked : null
	}).catch(throwHttp);
	const resource = { type: 'organizer' as const, organizerId: organizer.id };
	return {
		...plan,
		stages: STAGES,
		aspects: ASPECTS,
		notice: ['antagen', 'version', 'sparad'].find((k) => event.url.searchParams.has(k)) ?? null,
		can: {
			mark: can(actor, 'competence.mark', resource),
			coverage: can(actor, 'competence.coverage', resource),
			aggregate: can(actor, 'competence.aggregate', resource)
		}
	};
};

export const actions: Actions = {
	adopt: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.plan');
		return runAction(
			async () => {
				await adoptStarterPlan(event.locals.db, { actor, organizerId: organizer.id });
				redirect(303, `/${organizer.slug}/kompetens?antagen`);
			},
			{ values: {} }
		);
	},
	version: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.plan');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await createPlanVersion(event.locals.db, { actor, organizerId: organizer.id, note: values.note });
				redirect(303, `/${organizer.slug}/kompetens?version`);
			},
			{ values }
		);
	},
	addStep: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.plan');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveStep(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/kompetens?sparad`);
			},
			{ values }
		);
	}
};
