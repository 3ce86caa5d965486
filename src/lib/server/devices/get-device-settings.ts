import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceSettings } from '../db/schema';
import { DEFAULT_REMINDER_DAYS } from './set-receipt-settings';

/**
 * The organizer's device settings (decision 071 and its addendum), the defaults when none are saved. Read by pages that
 * already checked access.
 */
export async function getDeviceSettings(db: Db, organizerId: string): Promise<{ receiptsRequired: boolean; reminderDays: number }> {
	const [row] = await db
		.select({ receiptsRequired: deviceSettings.receiptsRequired, reminderDays: deviceSettings.receiptReminderDays })
		.from(deviceSettings)
		.where(eq(deviceSettings.organizerId, organizerId));
	return { receiptsRequired: row?.receiptsRequired ?? false, reminderDays: row?.reminderDays ?? DEFAULT_REMINDER_DAYS };
}
