import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/i18n';
import { lostAmount } from './lost-time';

/** Lost teaching time as it was typed, with the noun in the right number: "1 lektion", "1,5 timmar", "40 minuter". */
export function lostTimeText(minutes: number, unit: string): string {
	// The plural rule reads the formatted figure: "1" is one, "1,5" (not a plain number) falls to the other form.
	const count = formatNumber(lostAmount(minutes, unit));
	if (unit === 'minute') return m.casepage_lost_minutes({ count });
	if (unit === 'hour') return m.losttime_hours({ count });
	return m.casepage_lost_lessons({ count });
}
