import { redirect } from '@sveltejs/kit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { formValues, runAction } from '$lib/server/http/errors';
import { units } from '$lib/server/db/schema';
import { publishSession } from '$lib/server/knowledge/guidance/publish-session';
import { MAX_OCCASIONS } from '$lib/server/knowledge/guidance/session-input';
import type { Actions, PageServerLoad } from './$types';

/** The publish form: the organizer's units to choose a place from. */
export const load: PageServerLoad = async (event) => {
	const { organizer } = await requireKnowledge(event, 'guidance.host');
	const unitList = await event.locals.db
		.select({ id: units.id, name: units.name })
		.from(units)
		.where(and(eq(units.organizerId, organizer.id), isNull(units.archivedAt)))
		.orderBy(asc(units.nameSort));
	return { units: unitList, maxOccasions: MAX_OCCASIONS };
};

export const actions: Actions = {
	publish: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'guidance.host');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const [first] = await publishSession(event.locals.db, { actor, organizerId: organizer.id, input: values });
				redirect(303, `/${organizer.slug}/handledning/${first.id}?publicerad`);
			},
			{ values }
		);
	}
};
