/** A booking as the calendar needs it. */
export type CalendarBooking = { id: string; startsOn: string; endsOn: string; status: string; deviceIds: string[] };

/** `count` calendar days from `from` (YYYY-MM-DD), each as YYYY-MM-DD. */
export function calendarDays(from: string, count: number): string[] {
	const start = Date.parse(`${from}T00:00:00Z`);
	return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * The pool's calendar: for each device, for each day, the booking that has it that day (booked or picked up; a
 * cancelled or returned booking frees its days), or null. Periods include both their first and last day.
 */
export function poolCalendar(days: string[], deviceIds: string[], bookings: CalendarBooking[]): Map<string, (string | null)[]> {
	const live = bookings.filter((b) => b.status === 'booked' || b.status === 'picked_up');
	const rows = new Map<string, (string | null)[]>();
	for (const deviceId of deviceIds)
		rows.set(
			deviceId,
			days.map((day) => live.find((b) => b.deviceIds.includes(deviceId) && b.startsOn <= day && day <= b.endsOn)?.id ?? null)
		);
	return rows;
}

/** Whether a picked-up booking is late on `today`: its last day has passed. */
export const isOverdue = (b: { status: string; endsOn: string }, today: string) => b.status === 'picked_up' && b.endsOn < today;
