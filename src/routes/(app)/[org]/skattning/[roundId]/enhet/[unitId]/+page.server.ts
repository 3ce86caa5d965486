import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getUnitReport } from '$lib/server/assessment/consensus/get-unit-report';
import { localize } from '$lib/server/assessment/consensus/localize';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	const opts = { actor, organizerId: organizer.id, roundId: event.params.roundId, unitId: event.params.unitId };
	const report = await getUnitReport(event.locals.db, opts).catch(throwHttp);
	const locale = getLocale();
	return {
		round: report.round,
		unit: report.unit,
		groups: report.groups,
		canConsensus: report.canRecordConsensus,
		planning: report.planning,
		previousRound: report.previousRound,
		subGoals: report.subGoals.map((sg) => ({
			id: sg.id,
			title: localize(sg.title, locale),
			agreedMean: sg.agreedMean,
			agreedCount: sg.agreedCount,
			itemCount: sg.itemCount,
			perspectiveMeans: sg.perspectiveMeans,
			items: sg.items.map((i) => ({
				key: i.key,
				statement: localize(i.statement, locale),
				agreed: i.agreed,
				evidence: i.evidence,
				nextStep: i.nextStep ? localize(i.nextStep, locale) : null,
				previous: i.previous,
				means: i.means
			}))
		}))
	};
};
