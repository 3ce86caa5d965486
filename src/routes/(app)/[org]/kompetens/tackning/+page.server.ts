import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { getUnitCoverage } from '$lib/server/competence/get-unit-coverage';
import { compareUnitCoverage } from '$lib/server/competence/compare-unit-coverage';
import { coverageYear, coverageYears } from '$lib/server/competence/school-year';
import { ASPECTS } from '$lib/server/competence/competence-rules';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.coverage');
	const db = event.locals.db;
	const today = todayInStockholm();
	const year = coverageYear(event.url.searchParams.get('lasar'), today);
	const unitId = event.url.searchParams.get('enhet') || null;
	const compare = can(actor, 'competence.compare', { type: 'organizer', organizerId: organizer.id });
	const [page, units] = await Promise.all([
		getUnitCoverage(db, { actor, organizerId: organizer.id, unitId, year }),
		compare ? compareUnitCoverage(db, { actor, organizerId: organizer.id, year }) : Promise.resolve(null)
	]).catch(throwHttp);
	// A principal of one unit sees it straight away.
	const only =
		!unitId && page.units.length === 1
			? await getUnitCoverage(db, { actor, organizerId: organizer.id, unitId: page.units[0].id, year })
			: page;
	const text = new Map(only.steps.map((s) => [s.id, s.text]));
	return {
		year: year.key,
		years: coverageYears(today).map((y) => y.key),
		units: only.units,
		unit: only.unit,
		plan: only.plan,
		aspects: ASPECTS,
		coverage: only.coverage && {
			stages: only.coverage.stages,
			cells: only.coverage.cells.map((c) => ({
				stage: c.stage,
				aspect: c.aspect,
				steps: c.steps,
				touched: c.touched.map((id) => text.get(id) ?? ''),
				untouched: c.untouched.map((id) => text.get(id) ?? '')
			}))
		},
		compare: units
	};
};
