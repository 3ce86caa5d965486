import { schoolYearOf, type SchoolYear } from '../support/followup/school-years';

export type { SchoolYear };

/**
 * The school year a coverage page asks for: "2025/26" from the address, else the current one. Coverage counts the
 * days 1 July up to 1 July (the support follow-up's school year), which holds the teaching year August–June.
 */
export function coverageYear(asked: string | null, today: string): SchoolYear {
	const m = asked ? /^(\d{4})\/(\d{2})$/.exec(asked) : null;
	if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return schoolYearOf(`${m[1]}-08-01`);
	return schoolYearOf(today);
}

/** The current school year and the one before, newest first, for the year picker. */
export const coverageYears = (today: string): SchoolYear[] => {
	const now = schoolYearOf(today);
	return [now, schoolYearOf(`${Number(now.from.slice(0, 4)) - 1}-08-01`)];
};
