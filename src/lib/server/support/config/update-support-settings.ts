import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { AppError, type FieldIssue } from '../../errors';
import { parseSupportSettings, supportSettingsSchema, type SupportSettings } from '../settings';
import { authorizeConfigure, type ConfigOptions } from './config-common';

/** The settings form as posted: text fields as typed, checkboxes as booleans. */
export type SupportSettingsForm = {
	workdayStart: string;
	workdayEnd: string;
	countLov: boolean;
	reminderDays: string;
	autoCloseDays: string;
	/** Empty means 0: never close solved cases by themselves. */
	closeSolvedDays: string;
	reopenDays: string;
	allowStudents: boolean;
	allowGuardians: boolean;
};

const FIELDS = [
	'workdayStart',
	'workdayEnd',
	'countLov',
	'reminderDays',
	'autoCloseDays',
	'closeSolvedDays',
	'reopenDays',
	'allowStudents',
	'allowGuardians'
] as const;

/** Message keys for a bad value in each field (the shared schema's own messages are not all keys). */
const MESSAGE: Record<string, string> = {
	workdayStart: 'support_error_time',
	workdayEnd: 'support_error_time',
	reminderDays: 'supportadmin_error_reminder_days',
	autoCloseDays: 'supportadmin_error_auto_close_days',
	closeSolvedDays: 'supportadmin_error_close_solved_days',
	reopenDays: 'supportadmin_error_reopen_days'
};

/** A typed number, or NaN for anything that is not a plain whole number (so the schema refuses it). */
const whole = (v: string) => (/^\s*\d{1,4}\s*$/.test(v) ? Number(v) : Number.NaN);

/** Checks the form with the shared supportSettingsSchema; field issues carry message keys. */
export function parseSettingsForm(form: SupportSettingsForm): SupportSettings {
	const parsed = supportSettingsSchema.safeParse({
		workdayStart: form.workdayStart.trim(),
		workdayEnd: form.workdayEnd.trim(),
		countLov: form.countLov,
		reminderDays: whole(form.reminderDays),
		autoCloseDays: whole(form.autoCloseDays),
		closeSolvedDays: form.closeSolvedDays.trim() === '' ? 0 : whole(form.closeSolvedDays),
		reopenDays: whole(form.reopenDays),
		allowStudents: form.allowStudents,
		allowGuardians: form.allowGuardians
	});
	const issues: FieldIssue[] = [];
	if (!parsed.success) {
		for (const i of parsed.error.issues) {
			const field = String(i.path[0]);
			if (!issues.some((x) => x.field === field)) issues.push({ field, message: MESSAGE[field] ?? 'supportadmin_error_invalid' });
		}
	} else if (parsed.data.workdayEnd <= parsed.data.workdayStart) {
		issues.push({ field: 'workdayEnd', message: 'supportadmin_error_workday_order' });
	}
	if (issues.length || !parsed.success) throw new AppError('INVALID', 'Ogiltiga inställningar', issues);
	return parsed.data;
}

/**
 * Saves the organizer's support settings in organizers.settings.support, keeping every other
 * settings key. Audits the changed fields; no change writes nothing.
 */
export async function updateSupportSettings(db: Db, { actor, organizerId, input }: ConfigOptions & { input: SupportSettingsForm }) {
	authorizeConfigure(actor, organizerId);
	const next = parseSettingsForm(input);
	return db.transaction(async (tx) => {
		const [org] = await tx.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId)).for('update');
		if (!org) throw new AppError('NOT_FOUND', 'Okänd huvudman');
		const before = parseSupportSettings(org.settings.support);
		const changes = diffFields(before, next, [...FIELDS]);
		if (Object.keys(changes).length === 0 && org.settings.support) return next;
		await tx
			.update(organizers)
			.set({ settings: { ...org.settings, support: next }, updatedAt: new Date() })
			.where(eq(organizers.id, organizerId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.settings_update',
			entityType: 'organizer',
			entityId: organizerId,
			changes
		});
		return next;
	});
}
