import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import { recentSchoolYears } from '$lib/server/support/followup/school-years';
import { findPictureUnits } from '$lib/server/followup/picture/find-picture-units';
import { loadFollowupPicture } from '$lib/server/followup/picture/load-followup-picture';
import { presentFollowupPicture } from '$lib/server/followup/picture/present-followup-picture';
import type { PageServerLoad } from './$types';

/** One picture per national sub-goal (issue 20, item 3): ?enhet= a unit, ?lasar= a school year. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.view');
	const db = event.locals.db;
	const years = recentSchoolYears(todayInStockholm(), 3);
	const year = years.find((y) => y.key === event.url.searchParams.get('lasar')) ?? years[0];
	const scopes = await findPictureUnits(db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const asked = event.url.searchParams.get('enhet') || null;
	if (asked && !scopes.units.some((u) => u.id === asked)) error(404);
	// A principal has no organizer-wide picture: they start at their first unit.
	const unitId = asked ?? (scopes.organizerWide ? null : (scopes.units[0]?.id ?? null));
	const picture = await loadFollowupPicture(db, { actor, organizerId: organizer.id, unitId, from: year.from, to: year.to }).catch(
		throwHttp
	);
	return {
		picture: presentFollowupPicture(picture, getLocale() === 'en' ? 'en' : 'sv'),
		years: years.map((y) => y.key),
		year: year.key,
		organizerWide: scopes.organizerWide,
		units: scopes.units
	};
};
