import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceSettings } from '../db/schema';

/** The organizer's device settings (decision 071), the defaults when none are saved. Read by pages that already checked access. */
export async function getDeviceSettings(db: Db, organizerId: string): Promise<{ receiptsRequired: boolean }> {
	const [row] = await db
		.select({ receiptsRequired: deviceSettings.receiptsRequired })
		.from(deviceSettings)
		.where(eq(deviceSettings.organizerId, organizerId));
	return { receiptsRequired: row?.receiptsRequired ?? false };
}
