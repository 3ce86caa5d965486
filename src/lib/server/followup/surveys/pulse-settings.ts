import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveySettings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { pulseSettingsSchema, type PulseSettingsInput } from './survey-input';

/** The defaults when an organizer has not chosen (decision 059): on, one working day after the close, once per 30 days. */
export const PULSE_DEFAULTS = { pulseEnabled: true, pulseDelayDays: 1, pulseCapDays: 30 };
export type PulseSettings = typeof PULSE_DEFAULTS;

/** An organizer's pulse settings, the defaults when unset. */
export async function getPulseSettings(db: Db, organizerId: string): Promise<PulseSettings> {
	const [row] = await db.select().from(surveySettings).where(eq(surveySettings.organizerId, organizerId));
	return row
		? { pulseEnabled: row.pulseEnabled, pulseDelayDays: row.pulseDelayDays, pulseCapDays: row.pulseCapDays }
		: { ...PULSE_DEFAULTS };
}

/** Sets the pulse settings (surveys.manage). Bad numbers are refused beside their field. Audited survey_settings.update. */
export async function updatePulseSettings(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: { [K in keyof PulseSettingsInput]?: string } }
) {
	authorize(opts.actor, 'surveys.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(pulseSettingsSchema, opts.input);
	return db.transaction(async (tx) => {
		const before = await getPulseSettings(tx, opts.organizerId);
		await tx
			.insert(surveySettings)
			.values({ organizerId: opts.organizerId, ...input })
			.onConflictDoUpdate({ target: surveySettings.organizerId, set: input });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'survey_settings.update',
			entityType: 'survey_settings',
			entityId: opts.organizerId,
			changes: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, [before[k as keyof PulseSettings], v]]))
		});
		return input;
	});
}
