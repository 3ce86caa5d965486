import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { getRound } from '$lib/server/assessment/rounds/get-round';
import { getRoundItems } from '$lib/server/assessment/rounds/round-items';
import { roundStatus } from '$lib/server/assessment/rounds/round-status';
import { addCustomItem } from '$lib/server/assessment/rounds/add-custom-item';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organizer } = await requireOrganizer(event, 'assessment.manage');
	const round = await getRound(event.locals.db, { organizerId: organizer.id, roundId: event.params.roundId }).catch(throwHttp);
	const { framework, items } = await getRoundItems(event.locals.db, round);
	return {
		roundId: round.id,
		roundName: round.name,
		closed: roundStatus(round) === 'closed',
		roundPerspectives: round.perspectives,
		subGoals: framework.areas.flatMap((a) => a.sub_goals.map((s) => ({ id: s.id, title: s.title }))),
		items: items
			.filter((i) => i.custom)
			.map((i) => ({ key: i.key, subGoalId: i.subGoalId, statement: i.statement.sv, perspectives: i.perspectives as string[] }))
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
		const data = await event.request.formData();
		const text = (k: string) => (typeof data.get(k) === 'string' ? (data.get(k) as string) : '');
		const values = {
			subGoalId: text('subGoalId'),
			statement: text('statement'),
			level1: text('level1'),
			level2: text('level2'),
			level3: text('level3'),
			level4: text('level4'),
			perspectives: data.getAll('perspectives').filter((v): v is string => typeof v === 'string')
		};
		return runAction(
			async () => {
				await addCustomItem(event.locals.db, { actor, organizerId: organizer.id, roundId: event.params.roundId, input: values });
				redirect(303, `/${organizer.slug}/skattning/${event.params.roundId}/egna-punkter?klart=tillagd`);
			},
			{ values }
		);
	}
};
