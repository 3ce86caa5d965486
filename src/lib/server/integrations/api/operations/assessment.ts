import { findRounds } from '../../../assessment/rounds/find-rounds';
import { computeOrganizerReport } from '../../../assessment/reports/compute-organizer-report';
import { defineOperation } from '../operation';
import { RoundList, RoundParams, RoundResults } from '../schemas';

/** GET /assessment/rounds: the rounds the caller has a part in, newest first (as the rounds page lists them). */
export const listRounds = defineOperation({
	id: 'listRounds',
	method: 'GET',
	path: '/assessment/rounds',
	tag: 'Självskattning',
	summary: 'Skattningsomgångarna nyckeln har del i',
	scope: 'assessment:read',
	response: RoundList,
	run: async ({ db, caller }) => ({ items: await findRounds(db, { actor: caller.actor, organizerId: caller.organizerId }) })
});

/**
 * GET /assessment/rounds/{roundId}/results: the organizer report's figures through the same function as the report
 * page, so cells below the anonymity threshold (and every mean before the round closes) are hidden exactly as there.
 * Only those who read the organizer report (organizer-wide readers) get it; others 403.
 */
export const getRoundResults = defineOperation({
	id: 'getRoundResults',
	method: 'GET',
	path: '/assessment/rounds/{roundId}/results',
	tag: 'Självskattning',
	summary: 'En omgångs resultat för hela organisationen, dolda under anonymitetsgränsen',
	scope: 'assessment:read',
	params: RoundParams,
	response: RoundResults,
	run: async ({ db, caller, params }) => {
		const report = await computeOrganizerReport(db, { actor: caller.actor, organizerId: caller.organizerId, roundId: params.roundId });
		const unitValues = Object.fromEntries(
			Object.entries(report.unitValues).map(([subGoal, byUnit]) => [
				subGoal,
				Object.fromEntries(Object.entries(byUnit).map(([unit, v]) => [unit, { value: v.value, source: v.source, why: v.why }]))
			])
		);
		return {
			round: { id: report.round.id, name: report.round.name, threshold: report.round.threshold, published: report.round.published },
			units: report.units,
			subGoals: report.subGoals.map((s) => ({ id: s.id, title: s.title })),
			respondents: report.respondents,
			unitValues
		};
	}
});
