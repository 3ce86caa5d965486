// Covers: addLicencePool, importLicenceUsage, findLicenceUse, parseUsageFile.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTool, buildUnit } from '../../../../tests/factories';
import { appLicenceUsage } from '../db/schema';
import { addLicencePool } from './add-licence-pool';
import { findLicenceUse } from './find-licence-use';
import { importLicenceUsage } from './import-licence-usage';

const t = useTestDatabase();
const TODAY = '2026-12-03';
const PERIOD = { periodFrom: '2026-08-01', periodTo: '2026-11-30' };

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const solbacka = await buildUnit(t.db, {
		organizerId: organizer.id,
		name: 'Solbackaskolan',
		schoolUnitCode: `9${Date.now().toString().slice(-7)}`
	});
	const ekbacken = await buildUnit(t.db, { organizerId: organizer.id, name: 'Ekbackens skola' });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: organizer.id }]);
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: solbacka.id }]);
	const tool = await buildTool(t.db, { organizerId: organizer.id, name: 'Matteresan' });
	return { organizer, solbacka, ekbacken, central, principal, tool };
}
const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as { code: string; issues: { field: string; message: string }[] };

describe('licences and their use', () => {
	it('shows a unit using 12 of its 200 licences, flagged before renewal, and a central pool counting the other units', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		await addLicencePool(t.db, {
			...base,
			input: { toolId: s.tool.id, unitId: s.solbacka.id, seats: '200', validFrom: '2026-01-01', validTo: '2027-01-31', priceSek: '40 000' }
		});
		await addLicencePool(t.db, {
			...base,
			input: { toolId: s.tool.id, seats: '300', validFrom: '2026-07-01', validTo: '2027-06-30', priceSek: '45000' }
		});
		const file = `verktyg;skolenhetskod;tilldelade;använda\nMatteresan;${s.solbacka.schoolUnitCode};180;12\nmatteresan;Ekbackens skola;250;240\n`;
		expect(await importLicenceUsage(t.db, { ...base, text: file, input: PERIOD })).toEqual({ imported: 2, problems: [] });

		const { pools, canManage } = await findLicenceUse(t.db, { actor: s.principal, organizerId: s.organizer.id, today: TODAY });
		expect(canManage).toBe(false);
		const unit = pools.find((p) => p.unitName === 'Solbackaskolan')!;
		expect(unit).toMatchObject({ seats: 200, assigned: 180, used: 12, lowUse: true, renewalSoon: true, ended: false, pricePerSeat: 200 });
		expect(unit.costPerActiveUser).toBe(Math.round(40000 / 12));
		const centralPool = pools.find((p) => p.unitName === null)!;
		expect(centralPool).toMatchObject({ seats: 300, used: 240, lowUse: false, renewalSoon: false, pricePerSeat: 150 });
		expect(centralPool.units.map((u) => u.name)).toEqual(['Ekbackens skola']);

		// A later import of the same period replaces the figures rather than adding to them.
		await importLicenceUsage(t.db, {
			...base,
			text: `tool,schoolUnitCode,assigned,used\nMatteresan,${s.solbacka.schoolUnitCode},180,30`,
			input: PERIOD
		});
		expect((await findLicenceUse(t.db, { ...base, today: TODAY })).pools.find((p) => p.unitName === 'Solbackaskolan')!.used).toBe(30);
	});

	it('reports every problem of a usage file by line and writes nothing', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		const file = [
			'verktyg;skolenhet;tilldelade;använda',
			'Matteresan;Solbackaskolan;10;5',
			'Okänd app;Solbackaskolan;10;5',
			'Matteresan;Finns inte skolan;10;5',
			'Matteresan;Ekbackens skola;tio;5',
			'Matteresan;Solbackaskolan;10;6'
		].join('\n');
		const result = await importLicenceUsage(t.db, { ...base, text: file, input: PERIOD });
		expect(result.imported).toBe(0);
		expect(result.problems).toEqual([{ key: 'apps_usage_error_number', line: 5 }]);
		const second = await importLicenceUsage(t.db, { ...base, text: file.replace(';tio;', ';10;'), input: PERIOD });
		expect(second.problems).toEqual([
			{ key: 'apps_usage_error_tool', line: 3, value: 'Okänd app' },
			{ key: 'apps_usage_error_unit', line: 4, value: 'Finns inte skolan' },
			{ key: 'apps_usage_error_twice', line: 6, value: 'Matteresan, Solbackaskolan' }
		]);
		expect(await t.db.select().from(appLicenceUsage).where(eq(appLicenceUsage.organizerId, s.organizer.id))).toEqual([]);
		expect((await importLicenceUsage(t.db, { ...base, text: 'app;skola;antal\nx;y;1', input: PERIOD })).problems).toEqual([
			{ key: 'apps_usage_error_columns', line: 1, value: 'app, skola, antal' }
		]);
		expect((await importLicenceUsage(t.db, { ...base, text: '[{"tool": "Matteresan"', input: PERIOD })).problems[0].key).toBe(
			'apps_usage_error_json'
		);
		expect(
			(
				await importLicenceUsage(t.db, {
					...base,
					text: JSON.stringify([{ tool: 'Matteresan', schoolUnitCode: s.solbacka.schoolUnitCode, assigned: 4, used: 2 }]),
					input: PERIOD
				})
			).imported
		).toBe(1);
		const period = await caught(
			importLicenceUsage(t.db, { ...base, text: file, input: { periodFrom: '2026-08-01', periodTo: '2026-07-01' } })
		);
		expect(period.issues).toEqual([{ field: 'periodTo', message: 'apps_error_ends_before_start' }]);
	});

	it('refuses a pool for another organizer’s tool or unit, with no seats, or ending before it starts; a principal may not add one', async () => {
		const s = await setup();
		const other = await buildOrganizer(t.db);
		const foreignTool = await buildTool(t.db, { organizerId: other.id });
		const foreignUnit = await buildUnit(t.db, { organizerId: other.id });
		const e = await caught(
			addLicencePool(t.db, {
				actor: s.central,
				organizerId: s.organizer.id,
				input: { toolId: foreignTool.id, unitId: foreignUnit.id, seats: '0', validFrom: '2026-08-01', validTo: '2026-07-01' }
			})
		);
		expect(e.issues.map((i) => i.field).sort()).toEqual(['seats']);
		const e2 = await caught(
			addLicencePool(t.db, {
				actor: s.central,
				organizerId: s.organizer.id,
				input: { toolId: foreignTool.id, unitId: foreignUnit.id, seats: '10', validFrom: '2026-08-01', validTo: '2026-07-01' }
			})
		);
		expect(e2.issues.map((i) => i.field).sort()).toEqual(['toolId', 'unitId', 'validTo']);
		expect(
			(
				await caught(
					addLicencePool(t.db, {
						actor: s.principal,
						organizerId: s.organizer.id,
						input: { toolId: s.tool.id, seats: '1', validFrom: TODAY, validTo: TODAY }
					})
				)
			).code
		).toBe('FORBIDDEN');
	});
});
