import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { failFromError, formValues, throwHttp } from '$lib/server/http/errors';
import { findConclusions } from '$lib/server/assessment/conclusions/find-conclusions';
import { writeConclusion } from '$lib/server/assessment/conclusions/write-conclusion';
import { localize } from '$lib/server/assessment/consensus/localize';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const unitId = event.url.searchParams.get('enhet');
	const r = await findConclusions(event.locals.db, { actor, organizerId: organizer.id, roundId: event.params.roundId, unitId }).catch(throwHttp);
	const locale = getLocale();
	return {
		round: r.round,
		waiting: r.waiting,
		canWriteOrganizer: r.canWriteOrganizer,
		units: r.units,
		unit: r.unit && { ...r.unit, results: r.unit.results.map((x) => ({ ...x, title: localize(x.title, locale) })) },
		organizerConclusions: r.organizerConclusions,
		subGoals: r.subGoals.map((sg) => ({ id: sg.id, title: localize(sg.title, locale), items: sg.items.map((i) => ({ key: i.key, statement: localize(i.statement, locale) })) })),
		written: event.url.searchParams.get('sparat') === '1'
	};
};

export const actions: Actions = {
	write: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const data = await event.request.formData();
		const target = String(data.get('target') ?? '');
		const scope = String(data.get('scope') ?? '');
		const unitId = target === 'organizer' ? null : target;
		const input = {
			summary: String(data.get('summary') ?? ''),
			subGoalId: scope.startsWith('sg:') ? scope.slice(3) : null,
			itemKey: scope.startsWith('item:') ? scope.slice(5) : null
		};
		const prefix = unitId ? 'unit' : 'organizer';
		try {
			await writeConclusion(event.locals.db, { actor, organizerId: organizer.id, roundId: event.params.roundId, unitId, input });
		} catch (e) {
			const failure = failFromError(e, formValues(data));
			failure.data.issues = failure.data.issues.map((i) => ({ ...i, field: `${prefix}-${i.field === 'form' ? 'summary' : i.field}` }));
			return failure;
		}
		redirect(303, `/${organizer.slug}/skattning/${event.params.roundId}/resultat?${unitId ? `enhet=${unitId}&` : ''}sparat=1`);
	}
};
