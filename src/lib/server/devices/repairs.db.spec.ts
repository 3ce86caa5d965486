// Covers: sendDeviceToRepair (with a loaner), returnDeviceFromRepair, findRepairs, hasTeamRepairs, repairTeamsOf (and the repair on getDevice, the guard in changeDeviceStatus).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildTeam, buildTicket, buildUnit } from '../../../../tests/factories';
import { auditEvents, deviceEvents, deviceRepairs, devices } from '../db/schema';
import { loadActor } from '../auth/load-actor';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { returnDevice } from './return-device';
import { changeDeviceStatus } from './change-device-status';
import { sendDeviceToRepair } from './send-device-to-repair';
import { returnDeviceFromRepair } from './return-device-from-repair';
import { findRepairs, hasTeamRepairs } from './find-repairs';
import { getDevice } from './get-device';

const t = useTestDatabase();
let n = 0;
const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function setUp() {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org, name: 'Lindskolan' });
	const elsewhere = await buildUnit(t.db, { organizerId: org, name: 'Ekskolan' });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org }]);
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const principalElsewhere = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: elsewhere.id }]);
	const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
	const supplierPerson = await buildPerson(t.db);
	const repairer = await buildTeam(t.db, { organizerId: org, line: 3, memberIds: [supplierPerson.id] });
	const otherSupplier = await buildPerson(t.db);
	await buildTeam(t.db, { organizerId: org, line: 3, memberIds: [otherSupplier.id] });
	const otherOrgTeam = await buildTeam(t.db, { organizerId: (await buildOrganizer(t.db)).id, line: 3 });
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Acme', model: `Bok ${++n}`, type: 'elevdator', purchasePrice: '5000', expectedLifeMonths: '36', warrantyMonths: '24' }
	});
	const register = (unitId: string, purchaseDate: string) =>
		registerDevice(t.db, {
			actor: central,
			organizerId: org,
			input: { assetTag: `R-${Date.now().toString(36)}-${++n}`, modelId: model.id, unitId, purchaseDate }
		});
	return {
		org,
		school,
		elsewhere,
		central,
		techKey,
		principalElsewhere,
		student,
		repairer,
		otherOrgTeam,
		register,
		supplier: (await loadActor(t.db, supplierPerson.id))!,
		otherSupplier: (await loadActor(t.db, otherSupplier.id))!
	};
}

const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e) => ({ code: e.code as string, issues: e.issues as { field: string; message: string }[] })
	);

describe('repairs', () => {
	it('takes a device from its holder to the supplier and gives it back to them with the cost, history and audit kept', async () => {
		const s = await setUp();
		const d = await s.register(s.school.id, '2025-08-01');
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.student.email, tag: d.assetTag } });
		const { ticket } = await buildTicket(t.db, { organizerId: s.org, unitId: s.school.id });
		const page = await getDevice(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id });
		expect(page.device.underWarranty).toBe(true);
		expect(page.repairTeams.map((tm) => tm.id)).toContain(s.repairer.id);
		expect(page.repairTeams.map((tm) => tm.id)).not.toContain(s.otherOrgTeam.id);

		await sendDeviceToRepair(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			deviceId: d.id,
			input: {
				supplierTeamId: s.repairer.id,
				warranty: 'on',
				rmaNumber: 'RMA-778',
				expectedBackOn: daysFromToday(-2),
				caseNumber: `#${ticket.number}`,
				repairNote: 'Skärmen sprucken'
			}
		});
		expect(await t.db.select().from(devices).where(eq(devices.id, d.id))).toMatchObject([{ status: 'in_repair', holderId: null }]);
		const [repair] = await t.db.select().from(deviceRepairs).where(eq(deviceRepairs.deviceId, d.id));
		expect(repair).toMatchObject({
			supplierTeamId: s.repairer.id,
			warranty: true,
			rmaNumber: 'RMA-778',
			ticketId: ticket.id,
			holderId: s.student.id
		});
		// A status change by hand would leave the repair open: refused.
		expect(
			(await refusal(changeDeviceStatus(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input: { status: 'in_stock' } })))
				?.issues
		).toEqual([{ field: 'status', message: 'devices_error_status_repair_open' }]);

		// The supplier's people see it (late), without the organizer's case number; another supplier does not.
		const forSupplier = await findRepairs(t.db, { actor: s.supplier, organizerId: s.org });
		expect(forSupplier.open).toEqual([
			expect.objectContaining({ assetTag: d.assetTag, rmaNumber: 'RMA-778', overdue: true, caseNumber: null, opens: false })
		]);
		expect(forSupplier.expiring).toEqual([]);
		expect((await findRepairs(t.db, { actor: s.otherSupplier, organizerId: s.org })).open).toEqual([]);
		// The supplier's start page links to the list only when something was sent to their team.
		expect(await hasTeamRepairs(t.db, s.org, s.supplier.teamIds ?? [])).toBe(true);
		expect(await hasTeamRepairs(t.db, s.org, s.otherSupplier.teamIds ?? [])).toBe(false);
		expect((await findRepairs(t.db, { actor: s.central, organizerId: s.org })).open).toEqual([
			expect.objectContaining({ assetTag: d.assetTag, caseNumber: ticket.number, opens: true })
		]);
		expect((await findRepairs(t.db, { actor: s.principalElsewhere, organizerId: s.org })).open).toEqual([]);

		expect(
			(await refusal(returnDeviceFromRepair(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input: { cost: 'gratis' } })))
				?.issues
		).toEqual([{ field: 'cost', message: 'devices_error_cost' }]);
		const back = await returnDeviceFromRepair(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			deviceId: d.id,
			input: { cost: '0', parts: 'Skärm', returnNote: '' }
		});
		expect(back.backTo).toBe(s.student.id);
		expect(await t.db.select().from(devices).where(eq(devices.id, d.id))).toMatchObject([{ status: 'handed_out', holderId: s.student.id }]);
		const history = await t.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, d.id));
		expect(history.map((e) => e.kind)).toEqual(['registered', 'handed_out', 'repair_sent', 'repair_returned']);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, d.id)));
		expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['device.repair_send', 'device.repair_return']));
		const list = await findRepairs(t.db, { actor: s.central, organizerId: s.org });
		expect(list.open).toEqual([]);
		expect(list.returned).toEqual([expect.objectContaining({ assetTag: d.assetTag, cost: 0, parts: 'Skärm' })]);
		expect(
			(await refusal(returnDeviceFromRepair(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input: { cost: '0' } })))?.issues
		).toEqual([{ field: 'form', message: 'devices_error_repair_none' }]);
	});

	it('lends a loaner in the same step, so the holder is never without a device, and takes it back by a scan', async () => {
		const s = await setUp();
		const d = await s.register(s.school.id, '2025-08-01');
		const loaner = await s.register(s.school.id, '2023-08-01');
		const farLoaner = await s.register(s.elsewhere.id, '2023-08-01');
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.student.email, tag: d.assetTag } });
		const send = (loanerTag: string) =>
			refusal(sendDeviceToRepair(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input: { loanerTag } }));
		expect((await send(d.assetTag))?.issues).toEqual([{ field: 'loanerTag', message: 'devices_error_loaner_same' }]);
		expect((await send('FINNS-INTE'))?.issues).toEqual([{ field: 'loanerTag', message: 'devices_error_tag_unknown' }]);
		expect((await send(farLoaner.assetTag))?.issues).toEqual([{ field: 'loanerTag', message: 'devices_error_not_your_unit' }]);
		// Nothing of a refused attempt is left: the device is still with the student, no repair row.
		expect(await t.db.select().from(deviceRepairs).where(eq(deviceRepairs.deviceId, d.id))).toEqual([]);
		expect(await t.db.select().from(devices).where(eq(devices.id, d.id))).toMatchObject([{ status: 'handed_out', holderId: s.student.id }]);

		await sendDeviceToRepair(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input: { loanerTag: loaner.assetTag } });
		expect(await t.db.select().from(devices).where(eq(devices.id, loaner.id))).toMatchObject([
			{ status: 'on_loan', holderId: s.student.id }
		]);
		const [{ kind }] = (await t.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, loaner.id))).slice(-1);
		expect(kind).toBe('loaned');
		expect((await findRepairs(t.db, { actor: s.techKey, organizerId: s.org })).open).toEqual([
			expect.objectContaining({ assetTag: d.assetTag, loaner: true, daysWithout: 0 })
		]);
		// The same loaner cannot be lent twice.
		const other = await s.register(s.school.id, '2025-08-01');
		const student2 = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: s.org, unitId: s.school.id }] });
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: student2.email, tag: other.assetTag } });
		expect(
			(
				await refusal(
					sendDeviceToRepair(t.db, { actor: s.techKey, organizerId: s.org, deviceId: other.id, input: { loanerTag: loaner.assetTag } })
				)
			)?.issues
		).toEqual([{ field: 'loanerTag', message: 'devices_error_loaner_not_in_stock' }]);

		// Back from repair to the student; the loaner comes back by an ordinary return scan.
		await returnDeviceFromRepair(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input: { cost: '0' } });
		await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: loaner.assetTag, condition: 'ok' } });
		expect(await t.db.select().from(devices).where(eq(devices.id, loaner.id))).toMatchObject([{ status: 'in_stock', holderId: null }]);
		expect((await findRepairs(t.db, { actor: s.techKey, organizerId: s.org })).returned).toEqual([
			expect.objectContaining({ assetTag: d.assetTag, daysWithout: 0 })
		]);
	});

	it('refuses a stolen device, a second repair, a team that does not serve the organizer and a case the sender cannot see', async () => {
		const s = await setUp();
		const d = await s.register(s.school.id, '2025-08-01');
		const send = (input: Record<string, string>, actor = s.techKey, deviceId = d.id) =>
			refusal(sendDeviceToRepair(t.db, { actor, organizerId: s.org, deviceId, input }));
		expect((await send({ supplierTeamId: s.otherOrgTeam.id }))?.issues).toEqual([
			{ field: 'supplierTeamId', message: 'devices_error_repair_team' }
		]);
		expect((await send({ caseNumber: '999999' }))?.issues).toEqual([{ field: 'caseNumber', message: 'devices_error_case_number' }]);
		expect((await send({ caseNumber: 'ett' }))?.issues).toEqual([{ field: 'caseNumber', message: 'devices_error_case_number' }]);
		expect((await send({ expectedBackOn: '2026-13-01' }))?.issues).toEqual([{ field: 'expectedBackOn', message: 'devices_error_date' }]);
		expect(await t.db.select().from(deviceRepairs).where(eq(deviceRepairs.deviceId, d.id))).toEqual([]);
		await sendDeviceToRepair(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input: {} });
		expect((await send({}))?.issues).toEqual([{ field: 'form', message: 'devices_error_repair_open' }]);
		const stolen = await s.register(s.school.id, '2025-08-01');
		await changeDeviceStatus(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			deviceId: stolen.id,
			input: { status: 'stolen', note: 'Inbrott', occurredOn: today(), policeReport: 'K-123456-26' }
		});
		expect((await send({}, s.techKey, stolen.id))?.issues).toEqual([{ field: 'form', message: 'devices_error_repair_blocked' }]);
		const far = await s.register(s.elsewhere.id, '2025-08-01');
		expect((await send({}, s.techKey, far.id))?.code).toBe('FORBIDDEN');
		expect((await send({}, s.supplier, far.id))?.code).toBe('FORBIDDEN');
	});

	it('reports warranties that end within 60 days at the units the reader sees, and no one else', async () => {
		const s = await setUp();
		// 24 months' warranty: bought 23 months and some days ago ends within 60 days; 20 months ago does not.
		const ending = await s.register(s.school.id, new Date(Date.now() - (730 - 30) * 86_400_000).toISOString().slice(0, 10));
		await s.register(s.school.id, new Date(Date.now() - 600 * 86_400_000).toISOString().slice(0, 10));
		await s.register(s.school.id, new Date(Date.now() - 800 * 86_400_000).toISOString().slice(0, 10));
		const list = await findRepairs(t.db, { actor: s.techKey, organizerId: s.org });
		expect(list.expiring.map((d) => d.assetTag)).toEqual([ending.assetTag]);
		expect(list.expiring[0].endsOn >= today()).toBe(true);
		expect((await findRepairs(t.db, { actor: s.principalElsewhere, organizerId: s.org })).expiring).toEqual([]);
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: s.org, unitId: s.school.id }]);
		expect((await refusal(findRepairs(t.db, { actor: teacher, organizerId: s.org })))?.code).toBe('FORBIDDEN');
	});
});
