import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { loadAncestorIds } from '../../org/load-ancestor-ids';
import { countFigures } from './count-figures';
import { leadTimes } from './lead-times';
import type { FollowupFilter } from './followup-filter';
import { workingCalendarFor } from '../sla-refresh/working-calendar-for';
import { readTogether } from '../../db/read-together';

/**
 * The follow-up figures of the support chain for an organizer or one unit (and the units under it):
 * cases per chain, line and category, lead times per line, SLA compliance, lost teaching time,
 * handhavandefel, recurring categories and device types, ratings.
 */
export async function getSupportFigures(db: Db, opts: { actor: Actor | null; filter: FollowupFilter }) {
	const f = opts.filter;
	const ancestorIds = f.unitId ? await loadAncestorIds(db, f.organizerId, f.unitId) : [];
	authorize(opts.actor, 'support.followup', { type: 'support', organizerId: f.organizerId, unitId: f.unitId, ancestorIds });
	return computeSupportFigures(db, f);
}

/**
 * The counted figures of getSupportFigures without the lead times (cases, lost time, causes, ratings, SLA): the same
 * formulas (countFigures), for callers that show only these (the follow-up picture) and need not read the lead times.
 */
export async function getSupportCounts(db: Db, opts: { actor: Actor | null; filter: FollowupFilter }) {
	const f = opts.filter;
	const ancestorIds = f.unitId ? await loadAncestorIds(db, f.organizerId, f.unitId) : [];
	authorize(opts.actor, 'support.followup', { type: 'support', organizerId: f.organizerId, unitId: f.unitId, ancestorIds });
	return countFigures(db, f);
}

/**
 * The same figures without asking who reads: for callers that have authorized the reader themselves (the operational
 * follow-up, issue 20, which shows a principal the organizer's aggregate beside their own units).
 */
export async function computeSupportFigures(db: Db, f: FollowupFilter) {
	const cal = await workingCalendarFor(db, f.organizerId);
	const [counts, lead] = await readTogether(db, [() => countFigures(db, f), () => leadTimes(db, f, cal)]);
	return { ...counts, leadTimes: lead, hoursPerDay: hoursBetween(cal.workdayStart, cal.workdayEnd) };
}

const hoursBetween = (a: string, b: string) => {
	const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
	return (m(b) - m(a)) / 60;
};

export type SupportFigures = Awaited<ReturnType<typeof computeSupportFigures>>;
