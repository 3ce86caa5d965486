import { error, type RequestEvent } from '@sveltejs/kit';
import { can } from '$lib/server/policies';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import { findVisibleUnits } from '$lib/server/org/find-visible-units';
import { getSupportFigures } from '$lib/server/support/followup/get-support-figures';
import { recentSchoolYears } from '$lib/server/support/followup/school-years';
import { loadAncestorIds } from '$lib/server/org/load-ancestor-ids';
import { loadPlanScopes, scopeKey } from '$lib/server/planning/plan-scopes';

/**
 * Shared load for the organizer's and a unit's follow-up page: the period (school year) and chain
 * come from the query string; anything odd there falls back to the defaults instead of failing.
 */
export async function loadFollowup(event: RequestEvent, unitId: string | null) {
	const { actor, organizer } = await requireOrganizer(event);
	const db = event.locals.db;
	const years = recentSchoolYears(todayInStockholm(), 3);
	const year = years.find((y) => y.key === event.url.searchParams.get('lasar')) ?? years[0];
	const chainParam = event.url.searchParams.get('kedja');
	const chain = chainParam === 'technical' || chainParam === 'pedagogical' ? chainParam : null;
	if (unitId !== null && !/^[0-9a-f-]{36}$/i.test(unitId)) error(404);
	const ancestorIds = unitId ? await loadAncestorIds(db, organizer.id, unitId) : [];
	const scope = { type: 'support' as const, organizerId: organizer.id, unitId, ancestorIds };
	if (!can(actor, 'support.followup', scope)) error(404);
	const units = await findVisibleUnits(db, actor, organizer.id).catch(throwHttp);
	const unit = unitId ? units.find((u) => u.id === unitId) : null;
	if (unitId && !unit) error(404);
	const figures = await getSupportFigures(db, {
		actor,
		filter: { organizerId: organizer.id, unitId, chain, from: year.from, to: year.to }
	}).catch(throwHttp);
	// Where the person may plan: the follow-up offers "Gör till aktivitet" there (issue 13).
	const plannable = (await loadPlanScopes(db, actor, organizer.id)).filter((p) => p.canWrite).map((p) => scopeKey(p.unitId));
	// The operational follow-up (issue 20) for those who may read it there; key people and central support stay here.
	const operations = can(actor, 'followup.view', { type: 'followup', organizerId: organizer.id, unitId, ancestorIds })
		? `/${organizer.slug}/uppfoljning/verksamhet${unitId ? `?enhet=${unitId}` : ''}`
		: null;
	return {
		operations,
		figures,
		plannable,
		years: years.map((y) => y.key),
		year: year.key,
		chain: chain ?? '',
		unit: unit ? { id: unit.id, name: unit.name } : null,
		units: unitId ? [] : units.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
	};
}
