import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { organizers } from '../../db/schema';

/** Where the reminder settings live in organizers.settings (beside `support`). */
export const REMINDER_SETTINGS_KEY = 'planningReminders';

/** The organizer's reminder settings. Defaults fill what is unset. */
export const reminderSettingsSchema = z.object({
	/** Mail the responsible person this many days before the due date; 0 = no mail before, only when overdue. */
	daysBefore: z.number().int().min(0).max(60).default(7)
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** Reads the settings, falling back to defaults for anything missing or malformed. */
export function parseReminderSettings(raw: unknown): ReminderSettings {
	const parsed = reminderSettingsSchema.safeParse(raw ?? {});
	return parsed.success ? parsed.data : reminderSettingsSchema.parse({});
}

/** The organizer's reminder settings. */
export async function getReminderSettings(db: Db, organizerId: string): Promise<ReminderSettings> {
	const [row] = await db.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId));
	return parseReminderSettings(row?.settings?.[REMINDER_SETTINGS_KEY]);
}
