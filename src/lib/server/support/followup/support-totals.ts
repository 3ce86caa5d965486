import { lessonsOf } from '../../../support/lost-time';
import type { NamedCount } from './count-figures';

/**
 * All cases of a follow-up's figures and their lost time, summed over the categories (every case has exactly one
 * row there, those without a category under null), so a total shown elsewhere is the follow-up's own total.
 */
export function supportTotals(f: { categories: NamedCount[] }): { cases: number; lessons: number; minutes: number; students: number } {
	const cases = f.categories.reduce((s, c) => s + c.cases, 0);
	const minutes = f.categories.reduce((s, c) => s + c.minutes, 0);
	const students = f.categories.reduce((s, c) => s + c.students, 0);
	return { cases, minutes, lessons: lessonsOf(minutes), students };
}
