// Covers: requireCaseDevice (through fileTicket and loadFilingOptions).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { people, tickets } from '../db/schema';
import { fileTicket } from '../support/tickets/file-ticket';
import { loadFilingOptions } from '../support/tickets/load-filing-options';
import { createCategory } from '../support/config/create-category';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { OTHER_EQUIPMENT } from '../../support/case-device';

const t = useTestDatabase();
let n = 0;
const base = { chain: 'technical', title: 'Skärmen flimrar', description: 'Den blinkar när locket fälls upp.', urgency: 'normal' } as const;

/** A school with a teacher who holds a device, a colleague who holds none, and a device category beside an account one. */
async function setUp() {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org, name: 'Lindskolan' });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org }]);
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org }]);
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
	const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
	const computer = await createCategory(t.db, {
		actor: admin,
		organizerId: org,
		input: { chain: 'technical', name: 'Elevdator', deviceRelated: true }
	});
	const account = await createCategory(t.db, {
		actor: admin,
		organizerId: org,
		input: { chain: 'technical', name: 'Inloggning', deviceRelated: false }
	});
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Acme', model: `Bok ${++n}`, type: 'elevdator', purchasePrice: '6000', expectedLifeMonths: '36' }
	});
	const device = await registerDevice(t.db, {
		actor: central,
		organizerId: org,
		input: { assetTag: `K-${Date.now().toString(36)}-${++n}`, modelId: model.id, unitId: school.id }
	});
	const [{ email }] = await t.db.select({ email: people.email }).from(people).where(eq(people.id, teacher.personId));
	await handOutDevice(t.db, { actor: central, organizerId: org, input: { person: email, tag: device.assetTag } });
	return { org, school, teacher, colleague, computer, account, device };
}

const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e) => ({ code: e.code as string, issues: e.issues as { field: string; message: string }[] })
	);

describe('a category marked "Gäller utrustning"', () => {
	it('tells the form which categories are about equipment', async () => {
		const s = await setUp();
		const options = await loadFilingOptions(t.db, { actor: s.teacher, organizerId: s.org });
		expect(options.categories.filter((c) => c.deviceRelated).map((c) => c.name)).toEqual(['Elevdator']);
		expect(options.categories.find((c) => c.id === s.account.id)?.deviceRelated).toBe(false);
	});

	it('refuses a case without a device from a requester who holds one, beside the device field, writing nothing', async () => {
		const s = await setUp();
		const count = async () => (await t.db.select().from(tickets).where(eq(tickets.organizerId, s.org))).length;
		const before = await count();
		const refused = await refusal(
			fileTicket(t.db, { actor: s.teacher, organizerId: s.org, input: { ...base, unitId: s.school.id, categoryId: s.computer.id } })
		);
		expect(refused).toEqual({ code: 'INVALID', issues: [{ field: 'deviceId', message: 'devicereturns_error_device_required' }] });
		// "Nej, eller vet inte" sends an empty choice: still refused.
		const empty = await refusal(
			fileTicket(t.db, {
				actor: s.teacher,
				organizerId: s.org,
				input: { ...base, unitId: s.school.id, categoryId: s.computer.id, deviceId: '', deviceType: 'Elevdator' }
			})
		);
		expect(empty?.issues).toEqual([{ field: 'deviceId', message: 'devicereturns_error_device_required' }]);
		expect(await count()).toBe(before);
	});

	it('files the case with the chosen device', async () => {
		const s = await setUp();
		const ticket = await fileTicket(t.db, {
			actor: s.teacher,
			organizerId: s.org,
			input: { ...base, unitId: s.school.id, categoryId: s.computer.id, deviceId: s.device.id }
		});
		expect(ticket).toMatchObject({ categoryId: s.computer.id, deviceId: s.device.id });
	});

	it('lets a holder say the case is about other equipment than their devices (a printer), tying no device to it', async () => {
		const s = await setUp();
		const ticket = await fileTicket(t.db, {
			actor: s.teacher,
			organizerId: s.org,
			input: { ...base, unitId: s.school.id, categoryId: s.computer.id, deviceId: OTHER_EQUIPMENT, deviceType: 'Skrivaren i lärarrummet' }
		});
		expect(ticket).toMatchObject({ categoryId: s.computer.id, deviceId: null, deviceType: 'Skrivaren i lärarrummet' });
	});

	it('lets a requester without devices describe the equipment in free text, and asks nothing in other categories', async () => {
		const s = await setUp();
		const none = await fileTicket(t.db, {
			actor: s.colleague,
			organizerId: s.org,
			input: { ...base, unitId: s.school.id, categoryId: s.computer.id, deviceType: 'Lånad dator' }
		});
		expect(none).toMatchObject({ deviceId: null, deviceType: 'Lånad dator' });
		const other = await fileTicket(t.db, {
			actor: s.teacher,
			organizerId: s.org,
			input: { ...base, title: 'Kommer inte in', unitId: s.school.id, categoryId: s.account.id }
		});
		expect(other.deviceId).toBeNull();
	});
});
