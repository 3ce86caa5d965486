import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCalendarDays } from '../../db/schema';
import { getSupportSettings } from '../settings';
import type { WorkingCalendar } from '../sla';

/** The organizer's working calendar: its hours, its own closed days and (when it says so) its lov days. */
export async function workingCalendarFor(db: Db, organizerId: string): Promise<WorkingCalendar> {
	const [settings, days] = await Promise.all([
		getSupportSettings(db, organizerId),
		db.select({ day: supportCalendarDays.day, kind: supportCalendarDays.kind }).from(supportCalendarDays).where(eq(supportCalendarDays.organizerId, organizerId))
	]);
	return {
		timeZone: 'Europe/Stockholm',
		workdayStart: settings.workdayStart,
		workdayEnd: settings.workdayEnd,
		closedDays: days.filter((d) => d.kind === 'closed').map((d) => d.day),
		lovDays: days.filter((d) => d.kind === 'lov').map((d) => d.day),
		countLov: settings.countLov
	};
}
