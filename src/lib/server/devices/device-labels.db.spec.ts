// Covers: printDeviceLabels, parseLabelSkip, findDevices (limit, withHolders).
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { parseLabelSkip, printDeviceLabels } from './print-device-labels';

const t = useTestDatabase();

async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const org = organizer.id;
	const school = await buildUnit(t.db, { organizerId: org, name: 'Ekskolan' });
	const other = await buildUnit(t.db, { organizerId: org, name: 'Askskolan' });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const staff = await buildActor(t.db, [{ role: 'staff', organizerId: org, unitId: school.id }]);
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Acme', model: 'Lärplatta 9', type: 'lärplatta', purchasePrice: '3000', expectedLifeMonths: '48' }
	});
	for (let i = 0; i < 30; i++)
		await registerDevice(t.db, {
			actor: central,
			organizerId: org,
			input: { assetTag: `L-${String(i).padStart(3, '0')}`, modelId: model.id, unitId: i < 26 ? school.id : other.id }
		});
	return { org, school, other, central, techKey, staff, model };
}

describe('device labels', () => {
	it('print the filtered devices the reader sees, a sheet per 24 on A4 3 × 8', async () => {
		const s = await setUp();
		const print = (actor: typeof s.central, filter = {}, sheetKey = 'a4-3x8', skip = '') =>
			printDeviceLabels(t.db, { actor, organizerId: s.org, organizerName: 'Kommunen', filter, sheetKey, skip });
		const all = await print(s.central);
		expect([all.count, (await PDFDocument.load(all.bytes)).getPageCount()]).toEqual([30, 2]);
		const mine = await print(s.techKey);
		expect(mine.count).toBe(26);
		const some = await print(s.central, { q: 'L-02' }, 'roll-62x29');
		expect([some.count, (await PDFDocument.load(some.bytes)).getPageCount()]).toEqual([10, 10]);
		const skipped = await print(s.central, { unitId: s.other.id }, 'a4-3x8', '22');
		expect([skipped.count, (await PDFDocument.load(skipped.bytes)).getPageCount()]).toEqual([4, 2]);
	});

	it('refuse an unknown stock, a skip the sheet does not have, and readers without the register', async () => {
		const s = await setUp();
		const print = (actor: typeof s.central, sheetKey: string, skip: string) =>
			printDeviceLabels(t.db, { actor, organizerId: s.org, organizerName: 'K', filter: {}, sheetKey, skip });
		await expect(print(s.central, 'a5-1x1', '')).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'sheet' }] });
		await expect(print(s.central, 'a4-2x7', '14')).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'skip' }] });
		await expect(print(s.central, 'a4-2x7', 'tre')).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'skip' }] });
		await expect(print(s.staff, 'a4-2x7', '')).rejects.toMatchObject({ code: 'FORBIDDEN' });
		expect([parseLabelSkip('', 24), parseLabelSkip(' 23 ', 24), parseLabelSkip('24', 24), parseLabelSkip('5', 1)]).toEqual([
			0,
			23,
			null,
			5
		]);
	});
});
