// Covers: fileReturnCase (through returnDevice), recordReturnInspection, checkReturnPhotos, getReturnPhoto (and the inspection on getDevice).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { auditEvents, deviceEvents, deviceReturnPhotos, ticketEvents, tickets } from '../db/schema';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { returnDevice } from './return-device';
import { recordReturnInspection } from './record-return-inspection';
import { getReturnPhoto } from './get-return-photo';
import { getDevice } from './get-device';

const t = useTestDatabase();
let n = 0;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const PDF = new Uint8Array([...'%PDF-1.7 hej'].map((c) => c.charCodeAt(0)));
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A school with its technical key person, another school's, a student, and a model with two years' warranty. */
async function setUp() {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org, name: 'Almskolan' });
	const elsewhere = await buildUnit(t.db, { organizerId: org, name: 'Granskolan' });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org }]);
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const otherKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: elsewhere.id }]);
	const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Acme', model: `Bok ${++n}`, type: 'elevdator', purchasePrice: '6000', expectedLifeMonths: '48', warrantyMonths: '24' }
	});
	/** A device bought `age` days ago, handed out to the student. */
	const handedOut = async (age: number) => {
		const d = await registerDevice(t.db, {
			actor: central,
			organizerId: org,
			input: { assetTag: `A-${Date.now().toString(36)}-${++n}`, modelId: model.id, unitId: school.id, purchaseDate: daysAgo(age) }
		});
		await handOutDevice(t.db, { actor: techKey, organizerId: org, input: { person: student.email, tag: d.assetTag } });
		return d;
	};
	return { org, school, central, techKey, otherKey, student, model, handedOut };
}

const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e) => ({ code: e.code as string, issues: e.issues as { field: string; message: string }[] })
	);

describe('a damaged return opens a case', () => {
	it('outside the warranty: a technical repair case about the device, the holder concerned, the fee proposal in it — in the return', async () => {
		const s = await setUp();
		const d = await s.handedOut(900);
		const back = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: d.assetTag, condition: 'damaged' } });
		expect(back.caseNumber).not.toBeNull();
		expect(back.warrantyClaim).toBe(false);
		expect(back.fee).toBeGreaterThan(0);
		const [ticket] = await t.db.select().from(tickets).where(eq(tickets.deviceId, d.id));
		expect(ticket).toMatchObject({
			number: back.caseNumber,
			chain: 'technical',
			unitId: s.school.id,
			requesterId: s.student.id,
			filedById: s.techKey.personId,
			state: 'new',
			title: `Skadad vid återlämning: ${d.assetTag}`
		});
		expect(ticket.description).toContain(`${back.fee} kr`);
		const [event] = await t.db.select().from(deviceEvents).where(eq(deviceEvents.id, back.eventId));
		expect(event.ticketId).toBe(ticket.id);
		const [filed] = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
		expect(filed.data).toMatchObject({ warrantyClaim: false, feeProposal: back.fee });
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ticket.id));
		expect(audits.map((a) => a.action)).toEqual(['ticket.create']);
	});

	it('within the warranty: a case marked for a warranty claim; a return in order opens none', async () => {
		const s = await setUp();
		const young = await s.handedOut(30);
		const fine = await s.handedOut(30);
		const back = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: young.assetTag, condition: 'damaged' } });
		expect(back.warrantyClaim).toBe(true);
		const [ticket] = await t.db.select().from(tickets).where(eq(tickets.deviceId, young.id));
		expect(ticket.title).toBe(`Garantiärende: ${young.assetTag} skadad vid återlämning`);
		expect(ticket.description).toContain('garanti');
		const ok = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: fine.assetTag, condition: 'ok' } });
		expect(ok).toMatchObject({ caseNumber: null, warrantyClaim: false });
		expect(await t.db.select().from(tickets).where(eq(tickets.deviceId, fine.id))).toEqual([]);
	});
});

describe('the follow-up step of a return', () => {
	it('records the checklist, a note and photos as a new history row, shown on the device page, audited', async () => {
		const s = await setUp();
		const d = await s.handedOut(900);
		const back = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: d.assetTag, condition: 'damaged' } });
		const done = await recordReturnInspection(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			returnEventId: back.eventId,
			input: { screen: 'damaged', charger: 'missing', note: ' Spricka i hörnet ' },
			photos: [
				{ name: 'skärm.png', bytes: PNG },
				{ name: '', bytes: new Uint8Array() }
			]
		});
		expect(done.photos).toBe(1);
		const page = await getDevice(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id });
		const inspected = page.events.at(-1)!;
		expect(inspected).toMatchObject({
			kind: 'inspected',
			checklist: { screen: 'damaged', keyboard: 'ok', charger: 'missing', casing: 'ok' },
			note: 'Spricka i hörnet',
			personName: s.student.name,
			toStatus: 'in_repair'
		});
		expect(inspected.photos).toHaveLength(1);
		// The return row itself is left as it was.
		expect(page.events.find((e) => e.id === back.eventId)).toMatchObject({ kind: 'returned', checklist: null, photos: [] });
		const photo = await getReturnPhoto(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, photoId: inspected.photos[0].id });
		expect(photo).toMatchObject({ fileName: 'skärm.png', contentType: 'image/png' });
		expect([...photo.data]).toEqual([...PNG]);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'device.inspect_return'), eq(auditEvents.entityId, d.id)));
		expect(audit.changes).toMatchObject({ returnEventId: [null, back.eventId], photos: [null, ['skärm.png']] });
	});

	it('refuses a file that is not an image, one too large, too many and an unknown state beside their fields, writing nothing', async () => {
		const s = await setUp();
		const d = await s.handedOut(900);
		const back = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: d.assetTag, condition: 'ok' } });
		const inspect = (input: Record<string, string>, photos: { name: string; bytes: Uint8Array }[]) =>
			refusal(recordReturnInspection(t.db, { actor: s.techKey, organizerId: s.org, returnEventId: back.eventId, input, photos }));
		expect(await inspect({}, [{ name: 'skada.pdf', bytes: PDF }])).toEqual({
			code: 'INVALID',
			issues: [{ field: 'photos', message: 'devicereturns_error_photo_type' }]
		});
		expect(await inspect({}, [{ name: 'bild.png', bytes: new TextEncoder().encode('<svg></svg>') }])).toMatchObject({
			issues: [{ field: 'photos', message: 'devicereturns_error_photo_type' }]
		});
		const huge = new Uint8Array(2 * 1024 * 1024 + 1);
		huge.set(PNG);
		expect(await inspect({}, [{ name: 'stor.png', bytes: huge }])).toMatchObject({
			issues: [{ field: 'photos', message: 'devicereturns_error_photo_too_large' }]
		});
		expect(
			await inspect(
				{},
				[1, 2, 3, 4].map((i) => ({ name: `${i}.png`, bytes: PNG }))
			)
		).toMatchObject({
			issues: [{ field: 'photos', message: 'devicereturns_error_photo_count' }]
		});
		expect(await inspect({ screen: 'trasig' }, [])).toMatchObject({ issues: [{ field: 'screen', message: 'devicereturns_error_state' }] });
		expect(await t.db.select().from(deviceReturnPhotos).where(eq(deviceReturnPhotos.deviceId, d.id))).toEqual([]);
		expect((await t.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, d.id))).map((e) => e.kind)).not.toContain('inspected');
	});

	it('is for those who manage the device, and only about a return', async () => {
		const s = await setUp();
		const d = await s.handedOut(900);
		const out = (await t.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, d.id))).find((e) => e.kind === 'handed_out')!;
		const back = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: d.assetTag, condition: 'ok' } });
		const inspect = (actor: typeof s.techKey, returnEventId: string) =>
			refusal(recordReturnInspection(t.db, { actor, organizerId: s.org, returnEventId, input: {} }));
		expect((await inspect(s.otherKey, back.eventId))?.code).toBe('FORBIDDEN');
		expect((await inspect(s.techKey, out.id))?.code).toBe('NOT_FOUND');
		expect((await inspect(s.techKey, 'inte-ett-id'))?.code).toBe('NOT_FOUND');
		const other = await setUp();
		expect(
			(
				await refusal(
					recordReturnInspection(t.db, { actor: other.techKey, organizerId: other.org, returnEventId: back.eventId, input: {} })
				)
			)?.code
		).toBe('NOT_FOUND');
		const stranger = await buildActor(t.db, [{ role: 'staff', organizerId: s.org, unitId: s.school.id }]);
		expect(
			(await refusal(getReturnPhoto(t.db, { actor: stranger, organizerId: s.org, deviceId: d.id, photoId: back.eventId })))?.code
		).toBe('NOT_FOUND');
	});
});
