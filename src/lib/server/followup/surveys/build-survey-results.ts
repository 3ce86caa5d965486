import type { SurveyQuestion } from '../../db/schema';
import { suppressSurvey, TOTAL } from './suppress-survey';

/** One submitted response with its answers, as results read it: a group (unit, period), never a person. */
export type ResultResponse = {
	unitId: string;
	period: string;
	answers: { questionKey: string; value: number | null; choice: string | null; text: string | null }[];
};

/** The figures of one group, or of a period's total over all units (unitId TOTAL). Null figures: suppressed. */
export type ResultGroup = {
	unitId: string;
	period: string;
	/** Respondents, or null when suppressed. */
	respondents: number | null;
	/** Per scale question: the mean of its answers (null when suppressed or none). */
	means: Record<string, number | null>;
	/** Per choice question: answers per option (null when suppressed). */
	choices: Record<string, Record<string, number> | null>;
	/** Free text answers, only for a shown group. */
	texts: Record<string, string[]>;
};

/**
 * The results of a survey's published responses, suppressed by the self-assessment's rule (see suppressSurvey): every
 * unit × period group and each period's total over all units. A hidden group shows no count, mean, distribution or
 * text. Free text is shown only for a shown unit group (never for a total, where one unit's texts
 * would be among another's).
 */
export function buildSurveyResults(opts: { questions: SurveyQuestion[]; responses: ResultResponse[]; threshold: number }) {
	const counts = new Map<string, { unitId: string; period: string; count: number }>();
	for (const r of opts.responses) {
		const key = `${r.unitId}|${r.period}`;
		const row = counts.get(key) ?? { unitId: r.unitId, period: r.period, count: 0 };
		row.count++;
		counts.set(key, row);
	}
	const suppression = suppressSurvey([...counts.values()], opts.threshold);
	const units = [...new Set(opts.responses.map((r) => r.unitId))];
	const periods = [...new Set(opts.responses.map((r) => r.period))].sort();
	const group = (unitId: string, period: string): ResultGroup => {
		const shown = suppression.shown(unitId, period);
		const members = opts.responses.filter((r) => (unitId === TOTAL || r.unitId === unitId) && r.period === period);
		const answers = members.flatMap((r) => r.answers);
		const means: ResultGroup['means'] = {};
		const choices: ResultGroup['choices'] = {};
		const texts: ResultGroup['texts'] = {};
		for (const q of opts.questions) {
			const mine = answers.filter((a) => a.questionKey === q.key);
			if (q.kind === 'scale') {
				const values = mine.map((a) => a.value).filter((v): v is number => v !== null);
				means[q.key] = shown && values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
			} else if (q.kind === 'choice') {
				choices[q.key] = shown ? Object.fromEntries(q.options.map((o) => [o.key, mine.filter((a) => a.choice === o.key).length])) : null;
			} else {
				texts[q.key] = shown && unitId !== TOTAL ? mine.map((a) => a.text ?? '').filter((t) => t.trim() !== '') : [];
			}
		}
		return { unitId, period, respondents: shown ? suppression.count(unitId, period) : null, means, choices, texts };
	};
	return {
		threshold: opts.threshold,
		units,
		periods,
		/** Every unit × period group that has respondents. */
		groups: [...counts.values()].map((c) => group(c.unitId, c.period)),
		/** Each period over all units (for a round, its one period '' is the whole). Nothing sums over periods. */
		periodTotals: periods.map((p) => group(TOTAL, p))
	};
}
export type SurveyResults = ReturnType<typeof buildSurveyResults>;
