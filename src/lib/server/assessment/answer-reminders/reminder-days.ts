/** The reminder points a new round gets: a week before the last day to answer and two days before. */
export const DEFAULT_REMINDER_DAYS = [7, 2] as const;

/** "7, 2" → [7, 2] (most days first, each once); null unless it is one to five whole numbers from 0 to 60. */
export function parseReminderDays(text: string): number[] | null {
	const parts = text
		.split(/[,;\s]+/)
		.map((p) => p.trim())
		.filter(Boolean);
	if (!parts.length || parts.length > 5 || parts.some((p) => !/^\d{1,2}$/.test(p))) return null;
	const days = [...new Set(parts.map(Number))];
	return days.some((d) => d > 60) ? null : days.sort((a, b) => b - a);
}

/** The reminder points as the form shows them: "7, 2". */
export const formatReminderDays = (days: readonly number[]) => days.join(', ');

/**
 * The reminder points the round form asked for: undefined when the input says nothing about reminders (keep what
 * the round has, or the default for a new one), [] when turned off, else the parsed points.
 */
export function reminderDaysOf(input: { remind?: boolean; remindDays?: string }): number[] | undefined {
	if (input.remind === undefined) return undefined;
	if (!input.remind) return [];
	return parseReminderDays(input.remindDays ?? formatReminderDays(DEFAULT_REMINDER_DAYS)) ?? [];
}
