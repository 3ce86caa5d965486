import { LESSON_MINUTES } from '../../../support/lost-time';
import type { MonthlyFigure } from '../../support/followup/monthly-figures';
import { per100 } from './spread';

/**
 * The few figures shown beside the organizer's average: the same definitions for a scope and for the whole organizer,
 * so they compare. Per 100 students divides the cases (and lost lessons) at units with students entered by those
 * students; the shares are of the cases that carry what they need (a cause, a resolution target).
 */
export type Headline = {
	cases: number;
	lessonsLost: number;
	students: number | null;
	staff: number | null;
	casesPer100Students: number | null;
	lessonsLostPer100Students: number | null;
	casesPer100Staff: number | null;
	slaCompliance: number | null;
	userErrorShare: number | null;
};

export function headlineOf(
	months: MonthlyFigure[],
	size: { students: number | null; staff: number | null; studentOwners: Set<string>; staffOwners: Set<string> }
): Headline {
	let cases = 0;
	let minutes = 0;
	let sizedCases = 0;
	let sizedMinutes = 0;
	let staffCases = 0;
	let classified = 0;
	let userErrors = 0;
	let measured = 0;
	let breached = 0;
	for (const m of months) {
		cases += m.cases;
		minutes += m.minutesLost;
		if (size.studentOwners.has(m.unitId)) {
			sizedCases += m.cases;
			sizedMinutes += m.minutesLost;
		}
		if (size.staffOwners.has(m.unitId)) staffCases += m.cases;
		classified += m.classified;
		userErrors += m.userErrors;
		measured += m.slaMeasured;
		breached += m.slaBreached;
	}
	return {
		cases,
		lessonsLost: Math.round((minutes * 10) / LESSON_MINUTES) / 10,
		students: size.students,
		staff: size.staff,
		casesPer100Students: per100(sizedCases, size.students),
		lessonsLostPer100Students: per100(sizedMinutes / LESSON_MINUTES, size.students),
		casesPer100Staff: per100(staffCases, size.staff),
		slaCompliance: measured ? (measured - breached) / measured : null,
		userErrorShare: classified ? userErrors / classified : null
	};
}
