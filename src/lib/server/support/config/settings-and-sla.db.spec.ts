// Covers: updateSupportSettings, saveSlaTargets, findSlaTargets.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrgAdmin } from '../../../../../tests/factories';
import { auditEvents, organizers, supportSlaTargets } from '../../db/schema';
import { getSupportSettings } from '../settings';
import { loadSlaTargets } from '../tickets/sla-targets';
import { updateSupportSettings, type SupportSettingsForm } from './update-support-settings';
import { saveSlaTargets } from './save-sla-targets';
import { findSlaTargets } from './find-sla-targets';

const t = useTestDatabase();
const form: SupportSettingsForm = {
	workdayStart: '07:30',
	workdayEnd: '16:00',
	countLov: true,
	reminderDays: '2',
	autoCloseDays: '4',
	closeSolvedDays: '3',
	reopenDays: '10',
	allowStudents: true,
	allowGuardians: false
};
const auditOf = (organizerId: string, action: string) =>
	t.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.action, action)));

describe('support settings', () => {
	it('are saved beside the organizer’s other settings and audited with before and after', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db, { settings: { anonymityThreshold: 7 } });
		await updateSupportSettings(t.db, { actor, organizerId: organizer.id, input: form });
		const [row] = await t.db.select().from(organizers).where(eq(organizers.id, organizer.id));
		expect(row.settings.anonymityThreshold).toBe(7);
		expect(await getSupportSettings(t.db, organizer.id)).toMatchObject({
			workdayStart: '07:30',
			countLov: true,
			reminderDays: 2,
			allowStudents: true
		});
		const [audit] = await auditOf(organizer.id, 'support.settings_update');
		expect(audit.changes).toMatchObject({ workdayStart: ['08:00', '07:30'], reminderDays: [3, 2] });
	});

	it('refuse bad times, an end before the start and days out of range, and write nothing', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const bad = { ...form, workdayStart: '7', reminderDays: 'tre', reopenDays: '999' };
		const err = await updateSupportSettings(t.db, { actor, organizerId: organizer.id, input: bad }).catch((e) => e);
		expect(err.code).toBe('INVALID');
		expect(err.issues).toEqual([
			{ field: 'workdayStart', message: 'support_error_time' },
			{ field: 'reminderDays', message: 'supportadmin_error_reminder_days' },
			{ field: 'reopenDays', message: 'supportadmin_error_reopen_days' }
		]);
		const order = await updateSupportSettings(t.db, { actor, organizerId: organizer.id, input: { ...form, workdayEnd: '07:00' } }).catch(
			(e) => e
		);
		expect(order.issues).toEqual([{ field: 'workdayEnd', message: 'supportadmin_error_workday_order' }]);
		const [row] = await t.db.select().from(organizers).where(eq(organizers.id, organizer.id));
		expect(row.settings).toEqual({});
		expect(await auditOf(organizer.id, 'support.settings_update')).toEqual([]);
	});

	it('close solved cases after 5 working days unless set otherwise, and an empty field or 0 means never', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		expect((await getSupportSettings(t.db, organizer.id)).closeSolvedDays).toBe(5);
		await updateSupportSettings(t.db, { actor, organizerId: organizer.id, input: form });
		expect((await getSupportSettings(t.db, organizer.id)).closeSolvedDays).toBe(3);
		await updateSupportSettings(t.db, { actor, organizerId: organizer.id, input: { ...form, closeSolvedDays: ' ' } });
		expect((await getSupportSettings(t.db, organizer.id)).closeSolvedDays).toBe(0);
		const audits = await auditOf(organizer.id, 'support.settings_update');
		expect(audits.map((a) => a.changes.closeSolvedDays)).toEqual([
			[5, 3],
			[3, 0]
		]);
	});

	it('refuse a number of working days before closing solved cases that is not a whole number from 0 to 60, and write nothing', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		for (const closeSolvedDays of ['61', '-1', '2,5', 'fem']) {
			const err = await updateSupportSettings(t.db, { actor, organizerId: organizer.id, input: { ...form, closeSolvedDays } }).catch(
				(e) => e
			);
			expect(err.code).toBe('INVALID');
			expect(err.issues).toEqual([{ field: 'closeSolvedDays', message: 'supportadmin_error_close_solved_days' }]);
		}
		const [row] = await t.db.select().from(organizers).where(eq(organizers.id, organizer.id));
		expect(row.settings).toEqual({});
		expect(await auditOf(organizer.id, 'support.settings_update')).toEqual([]);
	});

	it('can only be changed by the organizer’s own administrator', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const other = await buildOrgAdmin(t.db);
		const staff = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: organizer.id }]);
		for (const actor of [other.actor, staff]) {
			expect((await updateSupportSettings(t.db, { actor, organizerId: organizer.id, input: form }).catch((e) => e)).code).toBe('FORBIDDEN');
		}
	});
});

describe('SLA targets', () => {
	it('are typed in working days or hours and stored in working minutes, so new cases get them', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await saveSlaTargets(t.db, {
			actor,
			organizerId: organizer.id,
			input: { 'technical-normal-feedback': '3 d', 'technical-normal-firstResponse': '4 t', 'technical-normal-line3': '2,5 d' }
		});
		expect(await loadSlaTargets(t.db, organizer.id, 'technical', 'normal')).toEqual({
			feedback: 1620,
			firstResponse: 240,
			perLine: { 3: 1350 }
		});
		const { targets, dayMinutes } = await findSlaTargets(t.db, { actor, organizerId: organizer.id });
		expect(dayMinutes).toBe(540);
		expect(targets['technical-normal']).toMatchObject({ feedback: 1620, resolution: null });
		const [audit] = await auditOf(organizer.id, 'support.sla_update');
		expect(audit.changes).toEqual({
			'technical-normal-firstResponse': [null, 240],
			'technical-normal-feedback': [null, 1620],
			'technical-normal-line3': [null, 1350]
		});
	});

	it('count a working day as the organizer’s own working hours', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await updateSupportSettings(t.db, { actor, organizerId: organizer.id, input: { ...form, workdayStart: '08:00', workdayEnd: '16:00' } });
		await saveSlaTargets(t.db, { actor, organizerId: organizer.id, input: { 'pedagogical-low-feedback': '3 d' } });
		expect(await loadSlaTargets(t.db, organizer.id, 'pedagogical', 'low')).toEqual({ feedback: 1440 });
	});

	it('refuse the whole table when one cell is wrong and keep the old targets', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await saveSlaTargets(t.db, { actor, organizerId: organizer.id, input: { 'technical-high-resolution': '2 d' } });
		const err = await saveSlaTargets(t.db, {
			actor,
			organizerId: organizer.id,
			input: { 'technical-high-resolution': '1 d', 'technical-low-feedback': '3', 'pedagogical-high-line1': 'snart' }
		}).catch((e) => e);
		expect(err.code).toBe('INVALID');
		expect(err.issues).toEqual([
			{ field: 'technical-low-feedback', message: 'supportadmin_error_duration_unit' },
			{ field: 'pedagogical-high-line1', message: 'supportadmin_error_duration' }
		]);
		const rows = await t.db.select().from(supportSlaTargets).where(eq(supportSlaTargets.organizerId, organizer.id));
		expect(rows.map((r) => [r.chain, r.urgency, r.resolutionMinutes])).toEqual([['technical', 'high', 1080]]);
	});

	it('emptying every cell of a row removes the row; saving the same again writes nothing', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const input = { 'technical-critical-firstResponse': '1 t' };
		await saveSlaTargets(t.db, { actor, organizerId: organizer.id, input });
		expect(await saveSlaTargets(t.db, { actor, organizerId: organizer.id, input })).toEqual({ changed: 0 });
		await saveSlaTargets(t.db, { actor, organizerId: organizer.id, input: {} });
		expect(await t.db.select().from(supportSlaTargets).where(eq(supportSlaTargets.organizerId, organizer.id))).toEqual([]);
		expect(await auditOf(organizer.id, 'support.sla_update')).toHaveLength(2);
	});

	it('belong to one organizer: another organizer’s administrator may not set them', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const other = await buildOrgAdmin(t.db);
		const err = await saveSlaTargets(t.db, {
			actor: other.actor,
			organizerId: organizer.id,
			input: { 'technical-low-feedback': '1 d' }
		}).catch((e) => e);
		expect(err.code).toBe('FORBIDDEN');
	});
});
