/** One stored answer: a level 1–4, or null with a special answer (dont_know / not_applicable). */
export type AnswerValue = { level: number | null; special: string | null };

/** How one group answered one item. `median` and `mean` count levels only (not "vet ej" / "ej aktuellt"). */
export type Distribution = {
	levels: { 1: number; 2: number; 3: number; 4: number };
	dontKnow: number;
	notApplicable: number;
	/** Every answer, including "vet ej" and "ej aktuellt". */
	total: number;
	median: number | null;
	mean: number | null;
};

/**
 * The disagreement rule shown on the consensus page. A group disagrees when at least
 * `share` of its level answers lie at or below some level L and at least `share` lie at
 * L + `steps` or above. Perspectives disagree when their medians differ by `medianGap` or more.
 */
export const DISAGREEMENT = { share: 0.25, steps: 2, medianGap: 1.5 } as const;

/** Counts, median and mean of a group's answers to one item. */
export function summarizeAnswers(answers: AnswerValue[]): Distribution {
	const levels = { 1: 0, 2: 0, 3: 0, 4: 0 };
	let dontKnow = 0;
	let notApplicable = 0;
	const values: number[] = [];
	for (const a of answers) {
		if (a.level !== null && a.level >= 1 && a.level <= 4) {
			levels[a.level as 1 | 2 | 3 | 4]++;
			values.push(a.level);
		} else if (a.special === 'dont_know') dontKnow++;
		else if (a.special === 'not_applicable') notApplicable++;
	}
	values.sort((x, y) => x - y);
	const n = values.length;
	const median = n === 0 ? null : n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	const mean = n === 0 ? null : values.reduce((s, v) => s + v, 0) / n;
	return { levels, dontKnow, notApplicable, total: answers.length, median, mean };
}

/** True when a group's level answers are split by two steps or more, with at least a quarter on each side. */
export function isSpread(d: Pick<Distribution, 'levels'>): boolean {
	const counts = [d.levels[1], d.levels[2], d.levels[3], d.levels[4]];
	const n = counts.reduce((s, c) => s + c, 0);
	if (n === 0) return false;
	for (let low = 1; low + DISAGREEMENT.steps <= 4; low++) {
		const atOrBelow = counts.slice(0, low).reduce((s, c) => s + c, 0);
		const farAbove = counts.slice(low + DISAGREEMENT.steps - 1).reduce((s, c) => s + c, 0);
		if (atOrBelow / n >= DISAGREEMENT.share && farAbove / n >= DISAGREEMENT.share) return true;
	}
	return false;
}

/** True when two of the given medians (nulls ignored) differ by the median gap or more. */
export function mediansDiffer(medians: (number | null)[]): boolean {
	const known = medians.filter((m): m is number => m !== null);
	if (known.length < 2) return false;
	return Math.max(...known) - Math.min(...known) >= DISAGREEMENT.medianGap;
}
