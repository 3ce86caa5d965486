// Covers: sendReceiptReminders, setReceiptSettings (reminder days), getDeviceSettings, the reminder count on
// findUnsignedReceipts.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { auditEvents, deviceReceiptReminders, deviceSettings, notificationPreferences, notifications, outbox } from '../db/schema';
import { loadActor } from '../auth/load-actor';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { returnDevice } from './return-device';
import { signHandOutReceipt } from './sign-hand-out-receipt';
import { findUnsignedReceipts } from './find-unsigned-receipts';
import { setReceiptSettings } from './set-receipt-settings';
import { getDeviceSettings } from './get-device-settings';
import { sendReceiptReminders } from './send-receipt-reminders';

const t = useTestDatabase();
let n = 0;
/** `days` days from now: the job's made-up clock (the hand-outs happen now). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** A school, its administrator and technical key person, a student, and a device model; receipts as given. */
async function setUp(settings: { receiptsRequired?: string; reminderDays?: string } = { receiptsRequired: 'on' }) {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org, name: 'Lindskolan' });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org }]);
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
	const model = await createDeviceModel(t.db, {
		actor: admin,
		organizerId: org,
		input: { maker: 'Acme', model: `Påminn ${++n}`, type: 'elevdator', purchasePrice: '5000', expectedLifeMonths: '36' }
	});
	await setReceiptSettings(t.db, { actor: admin, organizerId: org, input: settings });
	/** Registers a device and hands it to the student. */
	const handOut = async () => {
		const device = await registerDevice(t.db, {
			actor: admin,
			organizerId: org,
			input: { assetTag: `R-${Date.now().toString(36)}-${++n}`, modelId: model.id, unitId: school.id }
		});
		const out = await handOutDevice(t.db, { actor: techKey, organizerId: org, input: { person: student.email, tag: device.assetTag } });
		return { device, eventId: out.eventId };
	};
	const run = (days: number) => sendReceiptReminders(t.db, inDays(days), { organizerId: org });
	return { org, admin, techKey, student, handOut, run };
}

const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e) => ({ code: e.code as string, issues: e.issues as { field: string; message: string }[] })
	);

describe('reminders about unsigned receipts', () => {
	it('reminds the receiver N days after the hand-out, not before, then every N days, at most three times', async () => {
		const s = await setUp({ receiptsRequired: 'on', reminderDays: '2' });
		const { device, eventId } = await s.handOut();
		expect(await s.run(0)).toEqual({ sent: 0 });
		expect(await s.run(1)).toEqual({ sent: 0 });
		expect(await s.run(2)).toEqual({ sent: 1 });
		// Once a day at most: the same day again, and the day after, send nothing.
		expect(await s.run(2)).toEqual({ sent: 0 });
		expect(await s.run(3)).toEqual({ sent: 0 });
		expect(await s.run(4)).toEqual({ sent: 1 });
		expect(await s.run(6)).toEqual({ sent: 1 });
		// The cap: three, however long it stays unsigned.
		expect(await s.run(8)).toEqual({ sent: 0 });
		expect(await s.run(30)).toEqual({ sent: 0 });
		const rows = await t.db.select().from(deviceReceiptReminders).where(eq(deviceReceiptReminders.eventId, eventId));
		expect(rows.map((r) => r.ordinal).sort()).toEqual([1, 2, 3]);
		expect(rows.every((r) => r.personId === s.student.id)).toBe(true);
		const notes = await t.db
			.select()
			.from(notifications)
			.where(and(eq(notifications.personId, s.student.id), eq(notifications.kind, 'receipt_unsigned')));
		expect(notes).toHaveLength(3);
		expect(notes[0]).toMatchObject({ email: 'immediate', params: { title: device.assetTag, device: device.id, event: eventId } });
		const mails = await t.db.select().from(outbox).where(eq(outbox.organizerId, s.org));
		expect(mails).toHaveLength(3);
		expect(mails[0]).toMatchObject({ toAddress: s.student.email, subject: `Skriv under kvittot för ${device.assetTag}` });
		expect(mails[0].body).toContain(`/utrustning/${device.id}/kvitto?handelse=${eventId}`);
		expect(mails[0].body).toContain('is not signed');
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'device.remind_receipt'), eq(auditEvents.entityId, device.id)));
		expect(audits.map((a) => (a.changes as { reminder: number }).reminder).sort()).toEqual([1, 2, 3]);
		// The list of unsigned receipts says how many reminders each has had.
		const list = await findUnsignedReceipts(t.db, { actor: s.techKey, organizerId: s.org });
		expect(list.find((r) => r.eventId === eventId)?.reminders).toBe(3);
	});

	it('uses three days when the organizer has not chosen', async () => {
		const s = await setUp();
		await s.handOut();
		expect(await getDeviceSettings(t.db, s.org)).toEqual({ receiptsRequired: true, reminderDays: 3 });
		expect(await s.run(2)).toEqual({ sent: 0 });
		expect(await s.run(3)).toEqual({ sent: 1 });
	});

	it('stops once the receipt is signed', async () => {
		const s = await setUp({ receiptsRequired: 'on', reminderDays: '1' });
		const { device, eventId } = await s.handOut();
		expect(await s.run(1)).toEqual({ sent: 1 });
		const actor = (await loadActor(t.db, s.student.id))!;
		await signHandOutReceipt(t.db, {
			actor,
			organizerId: s.org,
			deviceId: device.id,
			eventId,
			input: { signedName: 'Ella Ek', signedAs: 'student', confirm: 'on' }
		});
		expect(await s.run(2)).toEqual({ sent: 0 });
		expect(await s.run(5)).toEqual({ sent: 0 });
	});

	it('sends none for a device that came back', async () => {
		const s = await setUp({ receiptsRequired: 'on', reminderDays: '1' });
		const { device } = await s.handOut();
		await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: device.assetTag, condition: 'ok' } });
		expect(await s.run(1)).toEqual({ sent: 0 });
		expect(await s.run(4)).toEqual({ sent: 0 });
	});

	it('sends none while receipts are not required, nor for hand-outs made before they were', async () => {
		const off = await setUp({ reminderDays: '1' });
		await off.handOut();
		expect(await off.run(1)).toEqual({ sent: 0 });
		expect(await off.run(10)).toEqual({ sent: 0 });
		// Turned on later: the earlier hand-out is not reminded, a new one is.
		await setReceiptSettings(t.db, { actor: off.admin, organizerId: off.org, input: { receiptsRequired: 'on', reminderDays: '1' } });
		const later = await off.handOut();
		expect(await off.run(1)).toEqual({ sent: 1 });
		const [reminder] = await t.db.select().from(deviceReceiptReminders).where(eq(deviceReceiptReminders.organizerId, off.org));
		expect(reminder.eventId).toBe(later.eventId);
		// Turned off again: nothing more.
		await setReceiptSettings(t.db, { actor: off.admin, organizerId: off.org, input: { reminderDays: '1' } });
		expect(await off.run(5)).toEqual({ sent: 0 });
	});

	it('follows the receiver’s mail choice: in the app only when they turned mail off', async () => {
		const s = await setUp({ receiptsRequired: 'on', reminderDays: '1' });
		await t.db.insert(notificationPreferences).values({ personId: s.student.id, kind: 'receipt_unsigned', email: 'off' });
		await s.handOut();
		expect(await s.run(1)).toEqual({ sent: 1 });
		const [note] = await t.db
			.select()
			.from(notifications)
			.where(and(eq(notifications.personId, s.student.id), eq(notifications.kind, 'receipt_unsigned')));
		expect(note.email).toBe('none');
		expect(await t.db.select().from(outbox).where(eq(outbox.organizerId, s.org))).toEqual([]);
	});
});

describe('the reminder setting', () => {
	it('takes whole days 1–30, refuses anything else beside the field and saves nothing then, audits a change', async () => {
		const s = await setUp();
		for (const bad of ['0', '31', 'tre', '', '2.5', '-1']) {
			expect(
				await refusal(
					setReceiptSettings(t.db, { actor: s.admin, organizerId: s.org, input: { receiptsRequired: 'on', reminderDays: bad } })
				)
			).toEqual({ code: 'INVALID', issues: [{ field: 'reminderDays', message: 'devicereturns_error_reminder_days' }] });
		}
		// Refused with receipts turned off in the same form: the requirement is not saved either.
		await refusal(setReceiptSettings(t.db, { actor: s.admin, organizerId: s.org, input: { reminderDays: '99' } }));
		expect(await getDeviceSettings(t.db, s.org)).toEqual({ receiptsRequired: true, reminderDays: 3 });
		await setReceiptSettings(t.db, { actor: s.admin, organizerId: s.org, input: { receiptsRequired: 'on', reminderDays: ' 30 ' } });
		expect(await getDeviceSettings(t.db, s.org)).toEqual({ receiptsRequired: true, reminderDays: 30 });
		// A form without the field keeps the days.
		await setReceiptSettings(t.db, { actor: s.admin, organizerId: s.org, input: { receiptsRequired: 'on' } });
		expect(await getDeviceSettings(t.db, s.org)).toEqual({ receiptsRequired: true, reminderDays: 30 });
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'device.settings'), eq(auditEvents.entityId, s.org)));
		expect(audits.map((a) => a.changes)).toContainEqual({ receiptsRequired: [true, true], receiptReminderDays: [3, 30] });
		expect(
			(
				await refusal(
					setReceiptSettings(t.db, { actor: s.techKey, organizerId: s.org, input: { receiptsRequired: 'on', reminderDays: '5' } })
				)
			)?.code
		).toBe('FORBIDDEN');
		// The database holds the range too.
		const tooMany = await t.db
			.update(deviceSettings)
			.set({ receiptReminderDays: 31 })
			.where(eq(deviceSettings.organizerId, s.org))
			.then(
				() => null,
				(e) => e
			);
		expect(tooMany).not.toBeNull();
	});
});
