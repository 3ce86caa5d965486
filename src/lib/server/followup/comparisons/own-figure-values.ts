import type { OperationalFigures } from '../operations/get-operational-figures';

const round1 = (v: number) => Math.round(v * 10) / 10;
const percent = (share: number | null) => (share === null ? null : round1(share * 100));

/**
 * Our own values of the comparison figures (comparison-figures.ts) that the operational follow-up computes, in the
 * unit of measure each is listed with: per 100 students as they are, shares as per cent, lead time in working days.
 * A figure whose definition would not match for this scope is null (said beside it), never an approximation:
 * devices per student only when every school unit has a size; licence use only for the organizer as a whole.
 */
export function ownFigureValues(f: OperationalFigures): Record<string, number | null> {
	const h = f.headline;
	const lead = f.support.leadTimes.total.median;
	const day = f.support.hoursPerDay * 60;
	return {
		'support.cases_per_100_students': h.casesPer100Students,
		'support.lost_lessons_per_100_students': h.lessonsLostPer100Students,
		'support.lead_time_days': lead === null || !(day > 0) ? null : round1(lead / day),
		'support.sla_met_share': percent(h.slaCompliance),
		'devices.per_student': f.withoutSizeCount === 0 && h.students ? Math.round((f.devices.devices / h.students) * 100) / 100 : null,
		'devices.without_holder_share': f.devices.devices ? percent(f.devices.withoutHolder / f.devices.devices) : null,
		'licences.utilisation': f.scope === null ? percent(f.licences.share) : null
	};
}
