import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/i18n';

/** A role assignment's dates in words: "from … to …", "from …", "until …" or "no end date". */
export function rolePeriod(a: { startsOn: string | null; endsOn: string | null }): string {
	if (a.startsOn && a.endsOn) return m.people_period_between({ from: formatDate(a.startsOn), to: formatDate(a.endsOn) });
	if (a.startsOn) return m.people_period_from({ date: formatDate(a.startsOn) });
	if (a.endsOn) return m.people_period_until({ date: formatDate(a.endsOn) });
	return m.people_period_open();
}
