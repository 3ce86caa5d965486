import { error } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { isUuid } from '$lib/server/ids';
import { AppError } from '$lib/server/errors';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import { recentSchoolYears } from '$lib/server/support/followup/school-years';
import { getOperationalFigures } from '$lib/server/followup/operations/get-operational-figures';
import { findOperationsScopes } from '$lib/server/followup/operations/find-operations-scopes';
import { GRANULARITIES, type Granularity } from '$lib/server/followup/operations/trend-buckets';
import { getSurveyFigures } from '$lib/server/followup/surveys/get-survey-figures';
import { loadComparisonsBeside } from '$lib/server/followup/comparisons/comparisons-beside';
import { ownFigureValues } from '$lib/server/followup/comparisons/own-figure-values';
import type { PageServerLoad } from './$types';

/** The URL's words for the trend's steps. */
const STEPS: Record<string, Granularity> = { manad: 'month', termin: 'term', lasar: 'year' };

/**
 * The operational follow-up (issue 20, item 2): `?enhet=` picks an area or unit (none: the organizer; a principal
 * starts at their first unit), `?lasar=` the school year, `?steg=` the trend's step. Odd values fall back to defaults.
 */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.view');
	const db = event.locals.db;
	const p = event.url.searchParams;
	const years = recentSchoolYears(todayInStockholm(), 3);
	const year = years.find((y) => y.key === p.get('lasar')) ?? years[0];
	const step = STEPS[p.get('steg') ?? ''] ?? 'month';
	const scopes = await findOperationsScopes(db, actor, organizer.id);
	const asked = p.get('enhet');
	if (asked && !isUuid(asked)) error(404);
	const unitId = asked ?? (scopes.organizerWide ? null : (scopes.units[0]?.id ?? null));
	const figures = await getOperationalFigures(db, {
		actor,
		organizerId: organizer.id,
		unitId,
		from: year.from,
		to: year.to,
		granularity: step
	}).catch(throwHttp);
	const orgResource = { type: 'organizer' as const, organizerId: organizer.id };
	// The surveys' own suppressed figures for the same scope and school year (decision 059), where the viewer may see them.
	const lastDay = new Date(Date.parse(`${year.to}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
	const surveys = await getSurveyFigures(db, { actor, organizerId: organizer.id, unitId, from: year.from, to: lastDay }).catch(
		(e: unknown) => {
			if (e instanceof AppError && e.code === 'FORBIDDEN') return null;
			throw e;
		}
	);
	// External values mapped to our figures, beside them where area and unit of measure match (decision 068).
	const comparisons = await loadComparisonsBeside(db, {
		organizerId: organizer.id,
		unitId,
		schoolYears: [year.key],
		own: ownFigureValues(figures)
	});
	return {
		figures,
		comparisons,
		scopes,
		years: years.map((y) => y.key),
		year: year.key,
		step: Object.keys(STEPS).find((k) => STEPS[k] === step)!,
		steps: GRANULARITIES.map((g) => Object.keys(STEPS).find((k) => STEPS[k] === g)!),
		canQueue: can(actor, 'support.queue', { type: 'support', organizerId: organizer.id, unitId: null, ancestorIds: [] }),
		canConfigure: can(actor, 'followup.configure', orgResource),
		/** Survey results for this scope and period (null: the viewer may not see them). */
		surveys
	};
};
