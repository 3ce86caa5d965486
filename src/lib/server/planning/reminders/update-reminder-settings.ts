import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { parseReminderSettings, REMINDER_SETTINGS_KEY, reminderSettingsSchema, type ReminderSettings } from './settings';

/** The settings form as posted. */
export type ReminderSettingsForm = { daysBefore: string };

/** Checks the typed number of days (0–60, whole); INVALID with an issue beside the field otherwise. */
export function parseReminderSettingsForm(form: ReminderSettingsForm): ReminderSettings {
	const typed = form.daysBefore.trim();
	const parsed = reminderSettingsSchema.safeParse({ daysBefore: /^\d{1,3}$/.test(typed) ? Number(typed) : Number.NaN });
	if (!parsed.success) throw new AppError('INVALID', 'Ogiltiga inställningar', [{ field: 'daysBefore', message: 'reminders_error_days' }]);
	return parsed.data;
}

/**
 * Saves the organizer's reminder settings in organizers.settings.planningReminders, keeping every other key.
 * Leadership and organization administrators only (planning.configure). Audited; no change writes nothing.
 */
export async function updateReminderSettings(db: Db, opts: { actor: Actor | null; organizerId: string; input: ReminderSettingsForm }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'planning.configure', { type: 'organizer', organizerId });
	const next = parseReminderSettingsForm(opts.input);
	return db.transaction(async (tx) => {
		const [org] = await tx.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId)).for('update');
		if (!org) throw new AppError('NOT_FOUND', 'Okänd huvudman');
		const before = parseReminderSettings(org.settings[REMINDER_SETTINGS_KEY]);
		const changes = diffFields(before, next, ['daysBefore']);
		if (Object.keys(changes).length === 0 && org.settings[REMINDER_SETTINGS_KEY]) return next;
		await tx
			.update(organizers)
			.set({ settings: { ...org.settings, [REMINDER_SETTINGS_KEY]: next }, updatedAt: new Date() })
			.where(eq(organizers.id, organizerId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'planning.reminder_settings_update',
			entityType: 'organizer',
			entityId: organizerId,
			changes
		});
		return next;
	});
}
