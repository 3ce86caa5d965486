// Covers: saveUnitSizes, importUnitSizes, findUnitSizes, countStaffFromSs12000.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { auditEvents } from '../../db/schema';
import { saveUnitSizes } from './save-unit-sizes';
import { importUnitSizes } from './import-unit-sizes';
import { findUnitSizes } from './find-unit-sizes';
import { countStaffFromSs12000 } from './count-staff-from-ss12000';

const t = useTestDatabase();

async function world() {
	const org = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: org.id, name: 'Ekskolan' });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: org.id }]);
	return { org, unit, leader, year: '2025/26' };
}

describe('unit sizes', () => {
	it('saves sizes with an audit event and reports bad fields beside them without saving anything', async () => {
		const { org, unit, leader, year } = await world();
		const other = await buildUnit(t.db, { organizerId: org.id, name: 'Aspskolan' });
		await expect(
			saveUnitSizes(t.db, {
				actor: leader,
				organizerId: org.id,
				schoolYear: year,
				source: 'manual',
				rows: [
					{ unitId: unit.id, students: '-3', staff: 'tolv' },
					{ unitId: other.id, students: '120', staff: '' },
					{ unitId: (await buildUnit(t.db)).id, students: '5', staff: '' }
				]
			})
		).rejects.toMatchObject({
			code: 'INVALID',
			issues: [
				{ field: `students-${unit.id}`, message: 'ops_size_error_negative' },
				{ field: `staff-${unit.id}`, message: 'ops_size_error_number' },
				expect.objectContaining({ message: 'ops_size_error_unit' })
			]
		});
		expect((await findUnitSizes(t.db, { actor: leader, organizerId: org.id, schoolYear: year })).every((r) => r.students === null)).toBe(
			true
		);

		const n = await saveUnitSizes(t.db, {
			actor: leader,
			organizerId: org.id,
			schoolYear: year,
			source: 'manual',
			rows: [{ unitId: unit.id, students: '1 250', staff: '90' }]
		});
		expect(n).toBe(1);
		const rows = await findUnitSizes(t.db, { actor: leader, organizerId: org.id, schoolYear: year });
		expect(rows.find((r) => r.id === unit.id)).toMatchObject({ students: 1250, staff: 90, source: 'manual' });
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, org.id), eq(auditEvents.action, 'unit_size.set')));
		expect(audit).toHaveLength(1);
		expect(audit[0].changes).toMatchObject({ schoolYear: year, students: [null, 1250] });
	});

	it('lets neither a principal nor a reader configure sizes', async () => {
		const { org, unit, year } = await world();
		for (const role of [
			{ role: 'principal' as const, organizerId: org.id, unitId: unit.id },
			{ role: 'reader' as const, organizerId: org.id }
		]) {
			const actor = await buildActor(t.db, [role]);
			await expect(
				saveUnitSizes(t.db, {
					actor,
					organizerId: org.id,
					schoolYear: year,
					source: 'manual',
					rows: [{ unitId: unit.id, students: '1', staff: '' }]
				})
			).rejects.toMatchObject({ code: 'FORBIDDEN' });
		}
	});

	it('imports a CSV by unit name or skolenhetskod, and names the first bad line', async () => {
		const { org, unit, leader, year } = await world();
		const coded = await buildUnit(t.db, { organizerId: org.id, name: 'Lindskolan' });
		await expect(
			importUnitSizes(t.db, {
				actor: leader,
				organizerId: org.id,
				schoolYear: year,
				text: 'Enhet;Elever;Personal\nEkskolan;10;2\nOkänd skola;5;1\n'
			})
		).rejects.toMatchObject({
			issues: [{ field: 'fil', message: 'ops_import_error_unit', params: { line: 3, unit: 'Okänd skola', more: 0 } }]
		});
		const n = await importUnitSizes(t.db, {
			actor: leader,
			organizerId: org.id,
			schoolYear: year,
			text: `Enhet;Elever;Personal\r\nekskolan;310;28\r\n${coded.schoolUnitCode};95;\r\n`
		});
		expect(n).toBe(2);
		const rows = await findUnitSizes(t.db, { actor: leader, organizerId: org.id, schoolYear: year });
		expect(rows.find((r) => r.id === unit.id)).toMatchObject({ students: 310, staff: 28, source: 'csv' });
		expect(rows.find((r) => r.id === coded.id)).toMatchObject({ students: 95, staff: null });
	});

	it('says so when SS 12000 has synced no duties to count staff from', async () => {
		const { org, leader, year } = await world();
		await expect(countStaffFromSs12000(t.db, { actor: leader, organizerId: org.id, schoolYear: year })).rejects.toMatchObject({
			code: 'CONFLICT',
			issues: [{ field: 'ss12000', message: 'ops_ss12000_none' }]
		});
	});
});
