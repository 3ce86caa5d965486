// Covers: resolveCaseDevice, findHeldDevices, findDeviceCases, describeCaseDevice, countFigures (devices by model) (through fileTicket, loadFilingOptions, getDevice and getTicketTimeline).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { auditEvents, people, tickets } from '../db/schema';
import { fileTicket } from '../support/tickets/file-ticket';
import { loadFilingOptions } from '../support/tickets/load-filing-options';
import { getTicketTimeline } from '../support/tickets/get-ticket-timeline';
import { presentCase } from '../support/tickets/present-timeline';
import { countFigures } from '../support/followup/count-figures';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { getDevice } from './get-device';

const t = useTestDatabase();
let n = 0;
const base = { chain: 'technical', title: 'Skärmen är sprucken', description: 'Den gick sönder på rasten.', urgency: 'normal' } as const;

/** A school with a teacher who has a device, a colleague without one, the technical key person and a school elsewhere. */
async function setUp() {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org, name: 'Björkskolan' });
	const elsewhere = await buildUnit(t.db, { organizerId: org, name: 'Aspskolan' });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org }]);
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const otherKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: elsewhere.id }]);
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
	const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Acme', model: `Platta ${++n}`, type: 'lärplatta', purchasePrice: '4000', expectedLifeMonths: '48' }
	});
	const register = (unitId: string) =>
		registerDevice(t.db, {
			actor: central,
			organizerId: org,
			input: { assetTag: `C-${Date.now().toString(36)}-${++n}`, modelId: model.id, unitId }
		});
	const own = await register(school.id);
	const spare = await register(school.id);
	const far = await register(elsewhere.id);
	const [{ email: teacherEmail }] = await t.db.select({ email: people.email }).from(people).where(eq(people.id, teacher.personId));
	await handOutDevice(t.db, { actor: techKey, organizerId: org, input: { person: teacherEmail, tag: own.assetTag } });
	return { org, school, elsewhere, central, techKey, otherKey, teacher, colleague, own, spare, far, model };
}

const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e) => ({ code: e.code as string, issues: e.issues as { field: string; message: string }[] })
	);

describe('cases about a registered device', () => {
	it('offers the requester their own devices and files the case with the chosen one, audited', async () => {
		const s = await setUp();
		const options = await loadFilingOptions(t.db, { actor: s.teacher, organizerId: s.org });
		expect(options.ownDevices).toEqual([{ id: s.own.id, label: `${s.own.assetTag} – Acme ${s.model.model}` }]);
		expect(options.canTagDevice).toBe(false);
		expect((await loadFilingOptions(t.db, { actor: s.techKey, organizerId: s.org })).canTagDevice).toBe(true);

		const ticket = await fileTicket(t.db, {
			actor: s.teacher,
			organizerId: s.org,
			input: { ...base, unitId: s.school.id, deviceId: s.own.id }
		});
		expect(ticket.deviceId).toBe(s.own.id);
		const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ticket.id));
		expect(audit.changes).toMatchObject({ deviceId: s.own.id });
	});

	it("refuses someone else's device, a made-up id and a tag the filer does not manage, beside the field, writing nothing", async () => {
		const s = await setUp();
		const before = (await t.db.select().from(tickets).where(eq(tickets.organizerId, s.org))).length;
		const file = async (actor: typeof s.teacher, extra: Record<string, string>) =>
			(await refusal(fileTicket(t.db, { actor, organizerId: s.org, input: { ...base, unitId: s.school.id, ...extra } })))?.issues;
		expect(await file(s.colleague, { deviceId: s.own.id })).toEqual([{ field: 'deviceId', message: 'devices_error_case_device' }]);
		expect(await file(s.colleague, { deviceId: 'inte-ett-id' })).toEqual([{ field: 'deviceId', message: 'devices_error_case_device' }]);
		// The key person of another school files for their own school but names a device of this one.
		const otherSchool = await refusal(
			fileTicket(t.db, { actor: s.otherKey, organizerId: s.org, input: { ...base, unitId: s.elsewhere.id, deviceTag: s.spare.assetTag } })
		);
		expect(otherSchool?.issues).toEqual([{ field: 'deviceTag', message: 'devices_error_case_device' }]);
		expect(await file(s.techKey, { deviceTag: 'FINNS-INTE' })).toEqual([{ field: 'deviceTag', message: 'devices_error_tag_unknown' }]);
		// A teacher typing a tag into the form (it is not offered to them) gets the same refusal.
		expect(await file(s.teacher, { deviceTag: s.spare.assetTag })).toEqual([{ field: 'deviceTag', message: 'devices_error_case_device' }]);
		expect((await t.db.select().from(tickets).where(eq(tickets.organizerId, s.org))).length).toBe(before);
	});

	it('lets the technical key person name a device of their school by its tag; the device page lists the cases each viewer may see', async () => {
		const s = await setUp();
		const byKey = await fileTicket(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			input: { ...base, unitId: s.school.id, deviceTag: ` ${s.spare.assetTag} ` }
		});
		expect(byKey.deviceId).toBe(s.spare.id);
		const byTeacher = await fileTicket(t.db, {
			actor: s.teacher,
			organizerId: s.org,
			input: { ...base, title: 'Laddaren saknas', unitId: s.school.id, deviceId: s.own.id }
		});
		const central = await getDevice(t.db, { actor: s.central, organizerId: s.org, deviceId: s.own.id });
		expect(central.cases.map((c) => c.number)).toEqual([byTeacher.number]);
		// The holder reads their own device and sees their own case on it.
		const own = await getDevice(t.db, { actor: s.teacher, organizerId: s.org, deviceId: s.own.id });
		expect(own.cases.map((c) => c.title)).toEqual(['Laddaren saknas']);

		// The case page names the device, with a link only for those who may open the device.
		const forTeacher = presentCase(await getTicketTimeline(t.db, { actor: s.teacher, organizerId: s.org, number: byTeacher.number }));
		expect(forTeacher.device).toEqual({ id: s.own.id, label: `${s.own.assetTag} – Acme ${s.model.model}` });
		const forCentral = presentCase(await getTicketTimeline(t.db, { actor: s.central, organizerId: s.org, number: byKey.number }));
		expect(forCentral.device?.id).toBe(s.spare.id);
		const forKeyElsewhere = await refusal(getTicketTimeline(t.db, { actor: s.otherKey, organizerId: s.org, number: byKey.number }));
		expect(forKeyElsewhere).toMatchObject({ code: 'NOT_FOUND' });
	});

	it("counts the follow-up's cases by device under the registered device's model, beside free-text device types", async () => {
		const s = await setUp();
		await fileTicket(t.db, { actor: s.teacher, organizerId: s.org, input: { ...base, unitId: s.school.id, deviceId: s.own.id } });
		await fileTicket(t.db, { actor: s.techKey, organizerId: s.org, input: { ...base, unitId: s.school.id, deviceTag: s.spare.assetTag } });
		await fileTicket(t.db, { actor: s.colleague, organizerId: s.org, input: { ...base, unitId: s.school.id, deviceType: 'Projektor' } });
		const figures = await countFigures(t.db, { organizerId: s.org, unitId: null, chain: null, from: '2000-01-01', to: '2999-01-01' });
		expect(figures.devices.map((d) => [d.name, d.cases])).toEqual([
			[`Acme ${s.model.model}`, 2],
			['Projektor', 1]
		]);
	});
});
