import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { organizers } from '../db/schema';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'support_error_time');

/** The organizer's support settings (organizers.settings.support). Defaults fill what is unset. */
export const supportSettingsSchema = z.object({
	workdayStart: time.default('08:00'),
	workdayEnd: time.default('17:00'),
	/** Count the organizer's lov days as non-working in SLA clocks. */
	countLov: z.boolean().default(false),
	/** Remind the requester after this many working days of "väntar på anmälaren". */
	reminderDays: z.number().int().min(1).max(30).default(3),
	/** Close the case this many working days after the reminder. */
	autoCloseDays: z.number().int().min(1).max(60).default(5),
	/** Close a solved case this many working days after it was solved, unless reopened; 0 = never. */
	closeSolvedDays: z.number().int().min(0).max(60).default(5),
	/** A solved or closed case can be reopened by the requester for this many days. */
	reopenDays: z.number().int().min(0).max(90).default(14),
	allowStudents: z.boolean().default(false),
	allowGuardians: z.boolean().default(false)
});
export type SupportSettings = z.infer<typeof supportSettingsSchema>;

/** Reads the settings, falling back to defaults for anything missing or malformed. */
export function parseSupportSettings(raw: unknown): SupportSettings {
	const parsed = supportSettingsSchema.safeParse(raw ?? {});
	return parsed.success ? parsed.data : supportSettingsSchema.parse({});
}

export async function getSupportSettings(db: Db, organizerId: string): Promise<SupportSettings> {
	const [row] = await db.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId));
	return parseSupportSettings(row?.settings?.support);
}
