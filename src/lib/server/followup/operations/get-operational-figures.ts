import type { Db } from '../../db';
import { AppError } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { todayInStockholm } from '../../auth/load-actor';
import { computeSupportFigures } from '../../support/followup/get-support-figures';
import { olaCompliance } from '../../support/followup/ola-compliance';
import { monthlyFigures, type MonthlyFigure } from '../../support/followup/monthly-figures';
import { schoolYearOf } from '../../support/followup/school-years';
import { getSelfHelpFigures } from '../../knowledge/figures/get-self-help-figures';
import { countPreventiveResponses } from '../../knowledge/prevention/count-preventive-responses';
import { countDeviceFigures } from '../../devices/count-device-figures';
import { computePoolUse, type PoolUse } from '../../apps/find-licence-use';
import { licenceUseShare } from '../../apps/apps-indicator-values';
import { readTogether } from '../../db/read-together';
import { ancestorsIn, loadUnitTree, subtreeIds } from './load-unit-tree';
import { loadUnitSizes } from './find-unit-sizes';
import { scopeSize } from './scope-sizes';
import { headlineOf } from './headline';
import { compareUnits } from './compare-units';
import { bucketTrend, type Granularity, type MonthSums } from './trend-buckets';

/** How many school years the trend covers (the period's and the ones before it). */
export const TREND_YEARS = 3;

export type OperationalFiguresOptions = {
	actor: Actor | null;
	organizerId: string;
	/** Null: the organizer as a whole. */
	unitId: string | null;
	/** Stockholm dates, `to` not included; sizes are those of the school year `from` falls in. */
	from: string;
	to: string;
	granularity?: Granularity;
	today?: string;
	/**
	 * The organizer's licence pools (computePoolUse), when the caller reads them anyway (the board report): only their
	 * seats, use and validity are read here, which do not depend on the day they were computed for.
	 */
	pools?: Promise<PoolUse[]>;
};

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const monthAfter = (day: string) => {
	const [y, m] = day.split('-').map(Number);
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * The operational follow-up of one scope — the organizer, an area or a unit — over a period (issue 20, item 2), for
 * those with followup.view there: the support chain's volume, lead times, SLA and OLA compliance, lost teaching time
 * (also per 100 students), recurring categories, handhavandefel and what the preventive line did, self-help, ratings,
 * devices and licences; the scope beside the organizer's average (an aggregate, never other units' rows); its units
 * side by side per 100 students and staff with the spread between them; and a trend of the main figures over
 * TREND_YEARS school years by month, term or year. Each figure is computed by the module that owns it.
 */
export async function getOperationalFigures(db: Db, o: OperationalFiguresOptions) {
	const { actor, organizerId, unitId, from, to } = o;
	const tree = await loadUnitTree(db, organizerId);
	const unit = unitId ? tree.find((u) => u.id === unitId) : null;
	if (unitId && !unit) throw new AppError('NOT_FOUND', 'no such unit');
	const resourceOf = (id: string | null) => ({
		type: 'followup' as const,
		organizerId,
		unitId: id,
		ancestorIds: id ? ancestorsIn(tree, id) : []
	});
	authorize(actor, 'followup.view', resourceOf(unitId));
	const today = o.today ?? todayInStockholm();
	const year = schoolYearOf(from);
	const allIds = tree.map((u) => u.id);
	const scopeIds = unitId ? subtreeIds(tree, unitId) : allIds;
	const inScope = new Set(scopeIds);
	const trendFrom = `${Number(year.from.slice(0, 4)) - (TREND_YEARS - 1)}-07-01`;
	// Up to the period's end or this month, whichever comes first: months still ahead would read as zero.
	const periodEnd = firstOfMonth(to) === to ? to : monthAfter(to);
	const thisMonthEnd = monthAfter(firstOfMonth(today));
	const trendTo = periodEnd < thisMonthEnd ? periodEnd : thisMonthEnd;
	const trendYears = Array.from({ length: TREND_YEARS }, (_, i) => schoolYearOf(`${Number(trendFrom.slice(0, 4)) + i}-08-01`).key);
	const filter = { organizerId, unitId, chain: null, from, to };
	const readsSelfHelp = unitId === null && can(actor, 'support.followup', { type: 'support', organizerId, unitId: null, ancestorIds: [] });

	const [support, ola, months, devices, prevention, pools, selfHelp, ...yearSizes] = await readTogether(db, [
		() => computeSupportFigures(db, filter),
		() => olaCompliance(db, filter),
		() => monthlyFigures(db, { organizerId, unitId: null, chain: null, from: trendFrom, to: trendTo }),
		() => countDeviceFigures(db, { organizerId, unitIds: unitId ? scopeIds : null, from, to }),
		() => countPreventiveResponses(db, { organizerId, from, to }),
		() => o.pools ?? computePoolUse(db, organizerId, today),
		() => (readsSelfHelp ? getSelfHelpFigures(db, { actor, organizerId, from, to, chain: null }) : Promise.resolve(null)),
		...trendYears.map((y) => () => loadUnitSizes(db, organizerId, y))
	]);
	const sizesByYear = new Map(trendYears.map((y, i) => [y, yearSizes[i] as Awaited<ReturnType<typeof loadUnitSizes>>]));
	const sizes = sizesByYear.get(year.key) ?? (await loadUnitSizes(db, organizerId, year.key));
	const inPeriod = (m: MonthlyFigure) => m.month >= firstOfMonth(from) && m.month < to;
	const periodMonths = months.filter(inPeriod);
	const scopeMonths = periodMonths.filter((m) => inScope.has(m.unitId));
	const size = scopeSize(tree, sizes, scopeIds);
	const inForce = pools.filter((p) => p.validFrom <= today && p.validTo >= today);

	// The trend: each month's sums in the scope, its lost time at sized units judged by that month's school year.
	const trendSizes = new Map(trendYears.map((y) => [y, scopeSize(tree, sizesByYear.get(y)!, scopeIds)]));
	const monthSums = new Map<string, MonthSums>();
	for (const m of months) {
		if (!inScope.has(m.unitId)) continue;
		const s = monthSums.get(m.month) ?? {
			month: m.month,
			cases: 0,
			minutesLost: 0,
			sizedMinutesLost: 0,
			classified: 0,
			userErrors: 0,
			slaMeasured: 0,
			slaBreached: 0
		};
		s.cases += m.cases;
		s.minutesLost += m.minutesLost;
		if (trendSizes.get(schoolYearOf(m.month).key)?.studentOwners.has(m.unitId)) s.sizedMinutesLost += m.minutesLost;
		s.classified += m.classified;
		s.userErrors += m.userErrors;
		s.slaMeasured += m.slaMeasured;
		s.slaBreached += m.slaBreached;
		monthSums.set(m.month, s);
	}
	const studentsByYear = new Map([...trendSizes].flatMap(([y, s]) => (s.students === null ? [] : [[y, s.students] as [string, number]])));
	const trend = bucketTrend([...monthSums.values()], o.granularity ?? 'month', studentsByYear, { from: trendFrom, to: trendTo });

	return {
		scope: unit ? { unitId: unit.id, name: unit.name, kind: unit.kind } : null,
		period: { from, to, schoolYear: year.key },
		trendPeriod: { from: trendFrom, to: trendTo },
		headline: headlineOf(scopeMonths, size),
		/** The organizer's figures as one aggregate beside a unit's or area's; null at the organizer itself. */
		organizerAverage: unitId ? headlineOf(periodMonths, scopeSize(tree, sizes, allIds)) : null,
		support,
		ola,
		/** School units in the scope without a size: their cases count in the totals, not in "per 100". */
		withoutSizeCount: size.missing.length,
		comparison: compareUnits(tree, sizes, periodMonths, {
			scopeIds,
			visible: (id) => can(actor, 'followup.view', resourceOf(id))
		}),
		prevention,
		selfHelp,
		devices,
		licences: { pools: inForce.length, seats: inForce.reduce((n, p) => n + p.seats, 0), share: licenceUseShare(inForce) },
		trend
	};
}

export type OperationalFigures = Awaited<ReturnType<typeof getOperationalFigures>>;
