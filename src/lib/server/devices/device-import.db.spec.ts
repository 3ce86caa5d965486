// Covers: createDeviceImport, planDeviceImport, applyDeviceImport, getDeviceImport, updateDeviceDetails, planDeviceRows.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { auditEvents, deviceEvents, devices } from '../db/schema';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { createDeviceImport } from './create-device-import';
import { planDeviceImport } from './plan-device-import';
import { applyDeviceImport } from './apply-device-import';

const t = useTestDatabase();
let counter = 0;
const enc = (s: string) => new TextEncoder().encode(s);

async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const org = organizer.id;
	const n = ++counter;
	const code = String(70000000 + Math.floor(Math.random() * 9999999)).slice(0, 8);
	const school = await buildUnit(t.db, { organizerId: org, name: 'Björkskolan', schoolUnitCode: code });
	const other = await buildUnit(t.db, { organizerId: org, name: 'Lindskolan' });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Acme', model: `Bok ${n}`, type: 'elevdator', purchasePrice: '4000', expectedLifeMonths: '36' }
	});
	return { org, school, other, central, techKey, model, code, n };
}
type Scene = Awaited<ReturnType<typeof setUp>>;
const upload = (s: Scene, text: string, actor = s.central) =>
	createDeviceImport(t.db, { actor, organizerId: s.org, fileName: 'enheter.csv', bytes: enc(text) });
const preview = async (s: Scene, text: string, actor = s.central) => {
	const { id } = await upload(s, text, actor);
	return { id, ...(await planDeviceImport(t.db, { actor, organizerId: s.org, batchId: id })) };
};
const deviceRows = (s: Scene) => t.db.select().from(devices).where(eq(devices.organizerId, s.org));

describe('device import', () => {
	it('previews new rows, then registers them all, and reading the same file again changes nothing', async () => {
		const s = await setUp();
		const file = `Inventarienummer;Serienummer;Tillverkare;Modell;Enhet;Inköpsdatum
IMP-1;SN-A-${s.n};Acme;Bok ${s.n};${s.code};2025-08-01
IMP-2;;acme;bok ${s.n};Björkskolan;`;
		const first = await preview(s, file);
		expect(first.plan!.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 0 });
		expect(await deviceRows(s)).toHaveLength(0);
		expect(await applyDeviceImport(t.db, { actor: s.central, organizerId: s.org, batchId: first.id })).toEqual({
			created: 2,
			updated: 0,
			unchanged: 0
		});
		const rows = await deviceRows(s);
		expect(rows.map((r) => [r.assetTag, r.serialNumber, r.unitId, r.purchaseDate, r.status]).sort()).toEqual([
			['IMP-1', `SN-A-${s.n}`, s.school.id, '2025-08-01', 'in_stock'],
			['IMP-2', null, s.school.id, null, 'in_stock']
		]);
		const again = await preview(s, file);
		expect(again.plan!.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
		await expect(applyDeviceImport(t.db, { actor: s.central, organizerId: s.org, batchId: first.id })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
	});

	it('matches on the serial number before the tag, updates what changed and records it in the history', async () => {
		const s = await setUp();
		const existing = await registerDevice(t.db, {
			actor: s.central,
			organizerId: s.org,
			input: { assetTag: 'OLD-1', serialNumber: `SN-B-${s.n}`, modelId: s.model.id, unitId: s.other.id }
		});
		const { id, plan } = await preview(s, `tagg;serial;märke;modell;skola\nNEW-1;SN-B-${s.n};Acme;Bok ${s.n};Björkskolan`);
		expect(plan!.rows[0]).toMatchObject({ outcome: 'update', deviceId: existing.id, changed: ['tagg', 'skola'] });
		expect(await applyDeviceImport(t.db, { actor: s.central, organizerId: s.org, batchId: id })).toMatchObject({ updated: 1 });
		const [after] = await t.db.select().from(devices).where(eq(devices.id, existing.id));
		expect([after.assetTag, after.unitId, after.status]).toEqual(['NEW-1', s.school.id, 'in_stock']);
		const history = await t.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, existing.id));
		expect(history.map((e) => [e.kind, e.note]).sort()).toEqual([
			['registered', ''],
			['updated', 'assetTag, unitId']
		]);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, existing.id), eq(auditEvents.action, 'device.update')));
		expect(audit[0].changes).toEqual({ assetTag: ['OLD-1', 'NEW-1'], unitId: [s.other.id, s.school.id] });
	});

	it('explains bad rows per line and column and writes nothing while any row is wrong', async () => {
		const s = await setUp();
		await registerDevice(t.db, {
			actor: s.central,
			organizerId: s.org,
			input: { assetTag: 'HAS-1', serialNumber: `SN-C-${s.n}`, modelId: s.model.id, unitId: s.school.id }
		});
		await registerDevice(t.db, {
			actor: s.central,
			organizerId: s.org,
			input: { assetTag: 'HAS-2', modelId: s.model.id, unitId: s.school.id }
		});
		const file = `Inventarienummer;Serienummer;Tillverkare;Modell;Enhet;Inköpsdatum
X-1;DUP-${s.n};Acme;Bok ${s.n};Björkskolan;
X-2;DUP-${s.n};Acme;Bok ${s.n};Björkskolan;
X-1;;Acme;Bok ${s.n};Björkskolan;
X-4;;Acme;Finns inte;Björkskolan;
X-5;;Acme;Bok ${s.n};Ekskolan;
HAS-2;SN-C-${s.n};Acme;Bok ${s.n};Björkskolan;
X-7;;Acme;Bok ${s.n};Björkskolan;2025-02-30`;
		const { id, plan } = await preview(s, file);
		const problems = plan!.rows.map((r) => [r.line, r.outcome, r.issues.map((i) => `${i.column}: ${i.message}`)]);
		expect(problems).toEqual([
			[2, 'create', []],
			[3, 'error', ['Serienummer: devices_import_error_duplicate_serial']],
			[4, 'error', ['Inventarienummer: devices_import_error_duplicate_tag']],
			[5, 'error', ['Modell: devices_import_error_model']],
			[6, 'error', ['Enhet: devices_import_error_unit']],
			[7, 'error', ['Inventarienummer: devices_import_error_tag_elsewhere']],
			[8, 'error', ['Inköpsdatum: imports_error_date']]
		]);
		expect(plan!.rows[1].issues[0].params).toEqual({ line: 2 });
		await expect(applyDeviceImport(t.db, { actor: s.central, organizerId: s.org, batchId: id })).rejects.toMatchObject({
			code: 'INVALID'
		});
		expect((await deviceRows(s)).map((d) => d.assetTag).sort()).toEqual(['HAS-1', 'HAS-2']);
	});

	it('refuses a file with an unknown column before storing it', async () => {
		const s = await setUp();
		await expect(upload(s, 'Inventarienummer;Färg;Tillverkare;Modell;Enhet\nA;röd;Acme;Bok;Björkskolan')).rejects.toMatchObject({
			fileCode: 'unknown_column',
			params: { column: 'Färg' }
		});
	});

	it('lets a technical key person import only at their own unit', async () => {
		const s = await setUp();
		const { plan } = await preview(
			s,
			`Inventarienummer;Tillverkare;Modell;Enhet\nK-1;Acme;Bok ${s.n};Björkskolan\nK-2;Acme;Bok ${s.n};Lindskolan`,
			s.techKey
		);
		expect(plan!.rows.map((r) => [r.outcome, r.issues[0]?.message])).toEqual([
			['create', undefined],
			['error', 'devices_import_error_unit_forbidden']
		]);
	});
});
