import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCalendarDays } from '../../db/schema';
import { getSupportSettings } from '../settings';
import { DEFAULT_CALENDAR, type WorkingCalendar } from '../sla';
import { readTogether } from '../../db/read-together';

/**
 * The organizer's working calendar: its working hours and lov choice from the support settings, and its
 * own closed days and lov days from support_calendar_days. A new object each call (calendars are cached
 * per object by the SLA code, so one that was used must never change).
 */
export async function workingCalendarFor(db: Db, organizerId: string): Promise<WorkingCalendar> {
	const [settings, days] = await readTogether(db, [
		() => getSupportSettings(db, organizerId),
		() =>
			db
				.select({ day: supportCalendarDays.day, kind: supportCalendarDays.kind })
				.from(supportCalendarDays)
				.where(eq(supportCalendarDays.organizerId, organizerId))
	]);
	return {
		timeZone: DEFAULT_CALENDAR.timeZone,
		workdayStart: settings.workdayStart,
		workdayEnd: settings.workdayEnd,
		closedDays: days.filter((d) => d.kind === 'closed').map((d) => d.day),
		lovDays: days.filter((d) => d.kind === 'lov').map((d) => d.day),
		countLov: settings.countLov
	};
}
