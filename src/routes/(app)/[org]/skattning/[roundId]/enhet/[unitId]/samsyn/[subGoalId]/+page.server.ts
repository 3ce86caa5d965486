import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { findItemDistributions } from '$lib/server/assessment/consensus/find-item-distributions';
import { recordConsensus } from '$lib/server/assessment/consensus/record-consensus';
import { localize } from '$lib/server/assessment/consensus/localize';
import { getLocale } from '$lib/paraglide/runtime';
import { loadUnitEvidence } from '$lib/server/followup/picture/load-unit-evidence';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	const { roundId, unitId, subGoalId } = event.params;
	const d = await findItemDistributions(event.locals.db, { actor, organizerId: organizer.id, roundId, unitId, subGoalId }).catch(throwHttp);
	const locale = getLocale();
	// Operational figures of the unit's last school year beside the items (issue 20, item 3), under each source's own rule.
	const evidence = await loadUnitEvidence(event.locals.db, {
		actor,
		organizerId: organizer.id,
		unitId: d.unit.id,
		subGoalId: d.subGoal.id
	});
	const index = d.subGoals.findIndex((s) => s.id === d.subGoal.id);
	const neighbour = (i: number) => (d.subGoals[i] ? { id: d.subGoals[i].id, title: localize(d.subGoals[i].title, locale) } : null);
	return {
		round: d.round,
		unit: d.unit,
		subGoal: { id: d.subGoal.id, title: localize(d.subGoal.title, locale) },
		previous: neighbour(index - 1),
		next: neighbour(index + 1),
		saved: event.url.searchParams.get('sparat') === '1',
		evidence: evidence && { schoolYear: evidence.schoolYear, figures: evidence.figures.map(({ source: _s, ...f }) => f) },
		items: d.items.map((i) => ({
			key: i.key,
			statement: localize(i.statement, locale),
			levels: ([1, 2, 3, 4] as const).map((l) => ({ value: String(l), text: localize(i.levels[l], locale) })),
			groups: i.groups.map((g) => ({
				perspective: g.perspective,
				responses: g.responses,
				shown: g.shown,
				spread: g.spread,
				distribution: g.distribution
			})),
			comments: i.comments,
			mediansApart: i.mediansApart,
			disagreement: i.disagreement,
			consensus: i.consensus ? { value: i.consensus.value, evidence: i.consensus.evidence, note: i.consensus.note } : null
		}))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
		const { roundId, unitId, subGoalId } = event.params;
		const data = await event.request.formData();
		const field = (name: string) => String(data.get(name) ?? '');
		const entries = data.getAll('item').map((k) => {
			const key = String(k);
			return { itemKey: key, value: field(`value:${key}`) as '', evidence: field(`evidence:${key}`), note: field(`note:${key}`) };
		});
		return runAction(
			async () => {
				await recordConsensus(event.locals.db, { actor, organizerId: organizer.id, roundId, unitId, entries });
				redirect(303, `/${organizer.slug}/skattning/${roundId}/enhet/${unitId}/samsyn/${encodeURIComponent(subGoalId)}?sparat=1`);
			},
			{ values: formValues(data) }
		);
	}
};
