import { eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { instanceSettings, organizers } from '../../db/schema';

/** organizers.settings.security: organization administrators must use two-step verification. Off by default. */
const organizerSecurity = z.object({ requireTwoFactorForAdmins: z.boolean().default(false) });
/** instance_settings 'security': system administrators must use two-step verification. Off by default. */
const instanceSecurity = z.object({ requireTwoFactorForSystemAdmins: z.boolean().default(false) });

export const parseOrganizerSecurity = (raw: unknown) => organizerSecurity.safeParse(raw ?? {}).data ?? organizerSecurity.parse({});
export const parseInstanceSecurity = (raw: unknown) => instanceSecurity.safeParse(raw ?? {}).data ?? instanceSecurity.parse({});

/** Whether the organizer requires two-step verification of its organization administrators. */
export async function isTwoFactorRequiredByOrganizer(db: Db, organizerId: string): Promise<boolean> {
	const [row] = await db.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId));
	return parseOrganizerSecurity(row?.settings?.security).requireTwoFactorForAdmins;
}

/** Whether the installation requires two-step verification of system administrators. */
export async function isTwoFactorRequiredForSystemAdmins(db: Db): Promise<boolean> {
	const [row] = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, 'security'));
	return parseInstanceSecurity(row?.value).requireTwoFactorForSystemAdmins;
}

/**
 * A column for a query that selects from `people`: true when the person must set up two-step verification
 * before using the site — it is not on, and they hold (on `today`) org_admin of an organizer that requires it,
 * or system_admin while the installation requires it. The request hook reads it in its one query.
 */
export function mustSetUpTwoFactorColumn(today: string | Placeholder): SQL<boolean> {
	const inForce = sql`(ra.starts_on IS NULL OR ra.starts_on <= ${today}::date) AND (ra.ends_on IS NULL OR ra.ends_on >= ${today}::date)`;
	return sql<boolean>`(
		NOT EXISTS (SELECT 1 FROM two_factor_secrets tf WHERE tf.person_id = people.id AND tf.enabled_at IS NOT NULL)
		AND (
			EXISTS (
				SELECT 1 FROM role_assignments ra JOIN organizers o ON o.id = ra.organizer_id
				WHERE ra.person_id = people.id AND ra.role = 'org_admin' AND ra.unit_id IS NULL AND ${inForce}
					AND (o.settings -> 'security' ->> 'requireTwoFactorForAdmins') = 'true'
			)
			OR EXISTS (
				SELECT 1 FROM role_assignments ra JOIN instance_settings s ON s.key = 'security'
				WHERE ra.person_id = people.id AND ra.role = 'system_admin' AND ${inForce}
					AND (s.value ->> 'requireTwoFactorForSystemAdmins') = 'true'
			)
		)
	)`;
}
