import { m } from '$lib/paraglide/messages';
import type { BoardSnapshot } from './snapshot';

export type SummaryLocale = 'sv' | 'en';

/**
 * The report's summary in plain language, written from its frozen figures in the reader's language: one sentence per
 * section that has something to say, our own words, no figure that the snapshot does not hold (hidden ones stay out).
 */
export function summarize(s: BoardSnapshot, locale: SummaryLocale): string[] {
	const o = { locale };
	const nf = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 });
	const n = (v: number) => nf.format(v);
	const title = (t: { sv: string; en: string }) => t[locale] || t.sv;
	const out: string[] = [];

	out.push(
		m.board_sum_support(
			{
				period: s.period.label,
				cases: n(s.support.cases),
				technical: n(s.support.byChain.technical),
				pedagogical: n(s.support.byChain.pedagogical),
				lessons: n(s.support.lostLessons)
			},
			o
		)
	);
	if (s.support.leadTimeMedianMinutes !== null)
		out.push(m.board_sum_lead_time({ hours: n(Math.round(s.support.leadTimeMedianMinutes / 6) / 10) }, o));

	const st = s.standing;
	const shown = st.subGoals.filter((g) => g.mean !== null);
	if (!st.round) out.push(m.board_sum_no_round({}, o));
	else if (shown.length === 0) out.push(m.board_sum_round_hidden({ round: st.round.name }, o));
	else {
		const best = shown.reduce((a, b) => (b.mean! > a.mean! ? b : a));
		const worst = shown.reduce((a, b) => (b.mean! < a.mean! ? b : a));
		out.push(
			m.board_sum_standing(
				{ round: st.round.name, best: title(best.title), bestMean: n(best.mean!), worst: title(worst.title), worstMean: n(worst.mean!) },
				o
			)
		);
		if (st.compared) {
			const up = shown.filter((g) => g.real && (g.diff ?? 0) > 0).map((g) => title(g.title));
			const down = shown.filter((g) => g.real && (g.diff ?? 0) < 0).map((g) => title(g.title));
			if (up.length === 0 && down.length === 0) out.push(m.board_sum_no_movement({ compared: st.compared.name }, o));
			if (up.length) out.push(m.board_sum_moved_up({ compared: st.compared.name, list: up.join(', ') }, o));
			if (down.length) out.push(m.board_sum_moved_down({ compared: st.compared.name, list: down.join(', ') }, o));
		}
	}

	const d = s.done;
	out.push(
		m.board_sum_done(
			{
				years: d.schoolYears.join(', '),
				actions: n(d.actions.length),
				done: n(d.byStatus.done ?? 0),
				overdue: n(d.actions.filter((a) => a.overdue).length),
				decisions: n(d.decisions.length)
			},
			o
		)
	);

	const c = s.costs;
	if (c.licences.length) {
		const low = c.licences.filter((l) => l.share < 0.25).length;
		out.push(m.board_sum_licences({ pools: n(c.licences.length), sek: n(Math.round(c.licenceTotalSek)), low: n(low) }, o));
	}
	const costs = c.devices.map((x) => x.costPerStudentYear).filter((v): v is number => v !== null);
	if (costs.length) out.push(m.board_sum_devices({ min: n(Math.round(Math.min(...costs))), max: n(Math.round(Math.max(...costs))) }, o));
	if (c.indicators.length)
		out.push(
			m.board_sum_indicators({ moved: n(c.indicators.filter((i) => i.movement === 'moved').length), count: n(c.indicators.length) }, o)
		);

	const lessons = s.equity?.comparison.spread.lessonsLostPer100Students ?? null;
	if (lessons) out.push(m.bw_sum_equity({ units: n(lessons.n), min: n(lessons.min), max: n(lessons.max) }, o));
	const shownRounds = s.surveys?.rounds.filter((r) => r.mean !== null) ?? [];
	if (shownRounds.length)
		out.push(
			m.bw_sum_surveys({ rounds: n(shownRounds.length), mean: n(Math.round(shownRounds[shownRounds.length - 1].mean! * 10) / 10) }, o)
		);
	if (s.comparisons.length) out.push(m.bw_sum_comparisons({ count: n(s.comparisons.length) }, o));

	out.push(s.asks.length ? m.board_sum_asks({ count: n(s.asks.length) }, o) : m.board_sum_no_asks({}, o));
	return out;
}
