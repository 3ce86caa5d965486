// Covers: signHandOutReceipt, findUnsignedReceipts, setReceiptSettings, getDeviceSettings (and the signature on getHandOutReceipt and getDevice).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { auditEvents, deviceReceiptSignatures } from '../db/schema';
import { loadActor } from '../auth/load-actor';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { returnDevice } from './return-device';
import { signHandOutReceipt } from './sign-hand-out-receipt';
import { findUnsignedReceipts } from './find-unsigned-receipts';
import { setReceiptSettings } from './set-receipt-settings';
import { getDeviceSettings } from './get-device-settings';
import { getHandOutReceipt } from './get-hand-out-receipt';
import { getDevice } from './get-device';

const t = useTestDatabase();
let n = 0;
const signature = { signedName: 'Vera Ek', signedAs: 'guardian', confirm: 'on' };

/** A school with its technical key person, another school's, and two students each with a device handed out. */
async function setUp() {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org, name: 'Rönnskolan' });
	const elsewhere = await buildUnit(t.db, { organizerId: org, name: 'Hasselskolan' });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org }]);
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const otherKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: elsewhere.id }]);
	const people = [
		await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] }),
		await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] })
	];
	const model = await createDeviceModel(t.db, {
		actor: admin,
		organizerId: org,
		input: { maker: 'Acme', model: `Kvitto ${++n}`, type: 'elevdator', purchasePrice: '5000', expectedLifeMonths: '36' }
	});
	const handed = [];
	for (const p of people) {
		const d = await registerDevice(t.db, {
			actor: admin,
			organizerId: org,
			input: { assetTag: `Q-${Date.now().toString(36)}-${++n}`, modelId: model.id, unitId: school.id }
		});
		const out = await handOutDevice(t.db, { actor: techKey, organizerId: org, input: { person: p.email, tag: d.assetTag } });
		handed.push({ device: d, eventId: out.eventId, person: p, actor: (await loadActor(t.db, p.id))! });
	}
	return { org, admin, techKey, otherKey, handed };
}

const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e) => ({ code: e.code as string, issues: e.issues as { field: string; message: string }[] })
	);

describe('receipts signed in the app', () => {
	it('lets the person it was handed to sign once, recording who and when, audited, shown on the receipt and the device', async () => {
		const s = await setUp();
		const [a] = s.handed;
		const before = await getHandOutReceipt(t.db, { actor: a.actor, organizerId: s.org, deviceId: a.device.id });
		expect(before).toMatchObject({ signature: null, canSign: true, required: false });
		const signed = await signHandOutReceipt(t.db, {
			actor: a.actor,
			organizerId: s.org,
			deviceId: a.device.id,
			eventId: a.eventId,
			input: signature
		});
		expect(signed).toMatchObject({ signedName: 'Vera Ek', signedAs: 'guardian' });
		const [row] = await t.db.select().from(deviceReceiptSignatures).where(eq(deviceReceiptSignatures.eventId, a.eventId));
		expect(row).toMatchObject({ signerId: a.person.id, deviceId: a.device.id });
		const after = await getHandOutReceipt(t.db, { actor: s.techKey, organizerId: s.org, deviceId: a.device.id });
		expect(after.signature).toMatchObject({ signedName: 'Vera Ek', signedAs: 'guardian' });
		expect(after.canSign).toBe(false);
		const page = await getDevice(t.db, { actor: s.techKey, organizerId: s.org, deviceId: a.device.id });
		expect(page.events.find((e) => e.id === a.eventId)?.receiptSignedAt).toEqual(row.signedAt);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'device.sign_receipt'), eq(auditEvents.entityId, a.device.id)));
		expect(audit).toMatchObject({ actorId: a.person.id, changes: { eventId: [null, a.eventId], signedName: [null, 'Vera Ek'] } });

		// A second signature is refused and the first stays as it was.
		const again = await refusal(
			signHandOutReceipt(t.db, {
				actor: a.actor,
				organizerId: s.org,
				deviceId: a.device.id,
				eventId: a.eventId,
				input: { ...signature, signedName: 'Någon Annan' }
			})
		);
		expect(again).toEqual({ code: 'CONFLICT', issues: [{ field: 'form', message: 'devicereturns_error_already_signed' }] });
		expect(await t.db.select().from(deviceReceiptSignatures).where(eq(deviceReceiptSignatures.eventId, a.eventId))).toEqual([row]);
	});

	it("refuses someone else's receipt, even the key person's, an unknown one, and a form without name, role or tick", async () => {
		const s = await setUp();
		const [a, b] = s.handed;
		const sign = (actor: typeof s.techKey, eventId: string, input: Record<string, string> = signature) =>
			refusal(signHandOutReceipt(t.db, { actor, organizerId: s.org, deviceId: a.device.id, eventId, input }));
		expect((await sign(b.actor, a.eventId))?.code).toBe('FORBIDDEN');
		expect((await sign(s.techKey, a.eventId))?.code).toBe('FORBIDDEN');
		expect((await sign(a.actor, b.eventId))?.code).toBe('NOT_FOUND');
		expect((await sign(a.actor, 'inte-ett-id'))?.code).toBe('NOT_FOUND');
		expect((await sign(a.actor, a.eventId, { signedName: ' ', signedAs: 'granne' }))?.issues).toEqual([
			{ field: 'signedName', message: 'devicereturns_error_signed_name' },
			{ field: 'signedAs', message: 'devicereturns_error_signed_as' },
			{ field: 'confirm', message: 'devicereturns_error_confirm' }
		]);
		expect(await t.db.select().from(deviceReceiptSignatures).where(eq(deviceReceiptSignatures.deviceId, a.device.id))).toEqual([]);
	});

	it("lists the unsigned receipts of devices still held, at the key person's own units", async () => {
		const s = await setUp();
		const [a, b] = s.handed;
		const tags = async (actor: typeof s.techKey) =>
			(await findUnsignedReceipts(t.db, { actor, organizerId: s.org })).map((r) => r.tag).sort();
		expect(await tags(s.techKey)).toEqual([a.device.assetTag, b.device.assetTag].sort());
		await signHandOutReceipt(t.db, { actor: a.actor, organizerId: s.org, deviceId: a.device.id, eventId: a.eventId, input: signature });
		expect(await tags(s.techKey)).toEqual([b.device.assetTag]);
		await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: b.device.assetTag, condition: 'ok' } });
		expect(await tags(s.techKey)).toEqual([]);
		expect(await tags(s.otherKey)).toEqual([]);
		expect((await refusal(findUnsignedReceipts(t.db, { actor: a.actor, organizerId: s.org })))?.code).toBe('FORBIDDEN');
	});

	it('keeps the requirement off by default; organizer-wide managers turn it on, audited; a key person may not', async () => {
		const s = await setUp();
		expect(await getDeviceSettings(t.db, s.org)).toEqual({ receiptsRequired: false, reminderDays: 3 });
		expect(
			(await refusal(setReceiptSettings(t.db, { actor: s.techKey, organizerId: s.org, input: { receiptsRequired: 'on' } })))?.code
		).toBe('FORBIDDEN');
		await setReceiptSettings(t.db, { actor: s.admin, organizerId: s.org, input: { receiptsRequired: 'on' } });
		expect(await getDeviceSettings(t.db, s.org)).toEqual({ receiptsRequired: true, reminderDays: 3 });
		await setReceiptSettings(t.db, { actor: s.admin, organizerId: s.org, input: {} });
		expect(await getDeviceSettings(t.db, s.org)).toEqual({ receiptsRequired: false, reminderDays: 3 });
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'device.settings'), eq(auditEvents.entityId, s.org)));
		expect(audits.map((x) => x.changes)).toEqual([{ receiptsRequired: [false, true] }, { receiptsRequired: [true, false] }]);
	});
});
