import type { Random } from './random';

/** How one unit develops: where it starts, how much it moves per year, and its profile per sub-goal. */
export type UnitProfile = { base: number; growth: number; subGoal: Map<string, number> };

/** Perspectives see the same unit a little differently: leaders tend to rate higher, students lower. */
const PERSPECTIVE_TILT: Record<string, number> = { leadership: 0.3, key_people: 0.15, staff: 0, students: -0.15 };

/** How many respond per perspective at a unit (students only at grundskola and gymnasium). */
export function respondentCount(random: Random, perspective: string, schoolTypes: string[]): number {
	switch (perspective) {
		case 'staff':
			return random.int(8, 15);
		case 'students':
			return schoolTypes.some((t) => t === 'GR' || t === 'GY') ? random.int(10, 25) : 0;
		case 'leadership':
			return random.int(1, 2);
		default:
			return 2;
	}
}

/**
 * A unit's profile: start between 1.5 and 2.8, and most units improve 0.15–0.5 a year while
 * a few stand still or slip, so units visibly differ and mostly improve over time.
 */
export function planUnitProfile(random: Random, subGoalIds: string[]): UnitProfile {
	const base = 1.5 + random.next() * 1.3;
	const growth = random.chance(0.8) ? 0.15 + random.next() * 0.35 : -0.15 + random.next() * 0.25;
	return { base, growth, subGoal: new Map(subGoalIds.map((id) => [id, (random.next() - 0.5) * 0.9])) };
}

export type DemoAnswer = { level: number | null; special: 'dont_know' | 'not_applicable' | null };

/**
 * One respondent's answer to one item in round `roundIndex` (0 = oldest): the unit's level for
 * the sub-goal plus a tilt per perspective, the person's own leaning and some noise.
 */
export function drawAnswer(
	random: Random,
	p: { profile: UnitProfile; roundIndex: number; subGoalId: string; perspective: string; leaning: number }
): DemoAnswer {
	const unsure = p.perspective === 'students' ? 0.1 : 0.05;
	if (random.chance(unsure)) return { level: null, special: 'dont_know' };
	if (random.chance(0.02)) return { level: null, special: 'not_applicable' };
	const mean =
		p.profile.base +
		p.profile.growth * p.roundIndex +
		(p.profile.subGoal.get(p.subGoalId) ?? 0) +
		(PERSPECTIVE_TILT[p.perspective] ?? 0) +
		p.leaning;
	const level = Math.round(mean + (random.next() - 0.5) * 1.2);
	return { level: Math.min(4, Math.max(1, level)), special: null };
}

/** The median of some levels, rounded down (the cautious choice a team tends to agree on). */
export function medianLevel(levels: number[]): number | null {
	if (!levels.length) return null;
	const sorted = [...levels].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** A YYYY-MM-DD day shifted by whole days. */
export function addDays(day: string, days: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
