// Covers: createComparisonImport, planComparisonImport, applyComparisonImport, getComparisonImport, planComparisonRows, findComparisonValues, addComparisonMapping, removeComparisonMapping, setMunicipalityCode, getComparisonOverview.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { auditEvents, comparisonKeyFigures, comparisonValues, organizers } from '../../db/schema';
import { createComparisonImport } from './create-comparison-import';
import { planComparisonImport } from './plan-comparison-import';
import { applyComparisonImport } from './apply-comparison-import';
import { findComparisonValues } from './find-comparison-values';
import { addComparisonMapping } from './add-comparison-mapping';
import { removeComparisonMapping } from './remove-comparison-mapping';
import { setMunicipalityCode } from './set-municipality-code';
import { getComparisonOverview } from './get-comparison-overview';
import { comparisonPeriodsOfSchoolYear } from './comparison-periods';

const t = useTestDatabase();
const enc = (s: string) => new TextEncoder().encode(s);
const unitCode = () => `7${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

async function setUp() {
	const organizer = await buildOrganizer(t.db, { municipalityCode: '0180' });
	const org = organizer.id;
	const code = unitCode();
	const school = await buildUnit(t.db, { organizerId: org, name: 'Björkskolan', schoolUnitCode: code });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org, unitId: null }]);
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: org, unitId: null }]);
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: school.id }]);
	return { org, school, code, admin, leader, principal };
}
type Scene = Awaited<ReturnType<typeof setUp>>;
const preview = async (s: Scene, text: string, actor = s.admin) => {
	const { id } = await createComparisonImport(t.db, { actor, organizerId: s.org, fileName: 'kolada.csv', bytes: enc(text) });
	return { id, ...(await planComparisonImport(t.db, { actor, organizerId: s.org, batchId: id })) };
};
const stored = (s: Scene) =>
	t.db
		.select({
			code: comparisonKeyFigures.code,
			area: comparisonValues.areaCode,
			period: comparisonValues.period,
			value: comparisonValues.value
		})
		.from(comparisonValues)
		.innerJoin(comparisonKeyFigures, eq(comparisonKeyFigures.id, comparisonValues.keyFigureId))
		.where(eq(comparisonValues.organizerId, s.org));
const issuesOf = (plan: { rows: { line: number; issues: { column: string | null; message: string }[] }[] }) =>
	plan.rows.filter((r) => r.issues.length).map((r) => [r.line, ...r.issues.map((i) => `${i.column}: ${i.message}`)]);

describe('comparison import', () => {
	it('reads a Kolada-style file with semicolons and decimal commas, leaves out the gender rows, and writes it in one go', async () => {
		const s = await setUp();
		const file = `Nyckeltal-id;Nyckeltal;Kommun-id;År;Kön;Värde;Måttenhet
N15419;Andel elever med godkänt;0180;2024;T;87,5;procent
N15419;Andel elever med godkänt;0180;2024;K;90,1;procent
N15419;Andel elever med godkänt;0180;2023;T;85;procent
N15419;Andel elever med godkänt;${s.code};2023/24;T;"1 234,5";procent
U15011;Kostnad per elev;180;2024;;98 300;kr/elev`;
		const p = await preview(s, file);
		expect(issuesOf(p.plan!)).toEqual([]);
		expect(p.plan!.counts).toEqual({ create: 4, update: 0, unchanged: 0, skip: 1, error: 0 });
		expect(await stored(s)).toEqual([]);
		const result = await applyComparisonImport(t.db, { actor: s.admin, organizerId: s.org, batchId: p.id });
		expect(result).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 1, keyFigures: 2 });
		expect((await stored(s)).map((r) => [r.code, r.area, r.period, r.value]).sort()).toEqual([
			['N15419', '0180', '2023', 85],
			['N15419', '0180', '2024', 87.5],
			['N15419', s.code, '2023/24', 1234.5],
			['U15011', '0180', '2024', 98300]
		]);
		const [event] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.org), eq(auditEvents.action, 'comparison.import')));
		expect(event.changes).toMatchObject({ fileName: 'kolada.csv', created: 4, skipped: 1 });
		// The same file again: every value is already there; a stored file is applied once.
		const again = await preview(s, file);
		expect(again.plan!.counts).toMatchObject({ create: 0, unchanged: 4, error: 0 });
		await expect(applyComparisonImport(t.db, { actor: s.admin, organizerId: s.org, batchId: p.id })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
	});

	it('reads commas between fields and decimal points too, and replaces a changed value', async () => {
		const s = await setUp();
		const first = await preview(s, `nyckeltal-id,nyckeltal,område,period,värde,måttenhet\nN1,Datorer per elev,0180,HT2024,"0,9",kvot`);
		await applyComparisonImport(t.db, { actor: s.admin, organizerId: s.org, batchId: first.id });
		const second = await preview(s, `nyckeltal-id,område,period,värde\nN1,0180,ht 24,1.1`);
		expect(second.plan!.rows[0]).toMatchObject({ outcome: 'update', period: 'HT2024', changed: ['värde'] });
		await applyComparisonImport(t.db, { actor: s.admin, organizerId: s.org, batchId: second.id });
		expect((await stored(s)).map((r) => r.value)).toEqual([1.1]);
	});

	it('refuses a municipality code or a school-unit code that is not the organizer\u2019s, beside the column, and writes nothing', async () => {
		const s = await setUp();
		const other = await setUp();
		const p = await preview(
			s,
			`Nyckeltal-id;Nyckeltal;Område;Period;Värde;Måttenhet
N15419;Andel;0180;2024;87;procent
N15419;Andel;1480;2024;80;procent
N15419;Andel;${other.code};2024;70;procent
N15419;Andel;V15E018;2024;70;procent`
		);
		expect(issuesOf(p.plan!)).toEqual([
			[3, 'Område: cmp_import_error_municipality_unknown'],
			[4, 'Område: cmp_import_error_school_unit_unknown'],
			[5, 'Område: cmp_import_error_area_format']
		]);
		expect(p.plan!.rows[1].issues[0].params).toEqual({ value: '1480', own: '0180' });
		await expect(applyComparisonImport(t.db, { actor: s.admin, organizerId: s.org, batchId: p.id })).rejects.toMatchObject({
			code: 'INVALID',
			issues: [{ field: 'form', message: 'cmp_import_error_has_errors' }]
		});
		expect(await stored(s)).toEqual([]);
		expect(await t.db.select().from(comparisonKeyFigures).where(eq(comparisonKeyFigures.organizerId, s.org))).toEqual([]);
	});

	it('refuses a unit of measure other than the one the key figure already has, stored or earlier in the file', async () => {
		const s = await setUp();
		const first = await preview(s, `Nyckeltal-id;Nyckeltal;Område;Period;Värde;Måttenhet\nN15419;Andel;0180;2023;85;procent`);
		await applyComparisonImport(t.db, { actor: s.admin, organizerId: s.org, batchId: first.id });
		const p = await preview(
			s,
			`Nyckeltal-id;Nyckeltal;Område;Period;Värde;Måttenhet
N15419;Andel;0180;2024;850;antal
N2;Nytt;0180;2024;3;dagar
N2;Nytt;0180;2025;3;kronor
N3;Utan enhet;0180;2024;3;`
		);
		expect(issuesOf(p.plan!)).toEqual([
			[2, 'Måttenhet: cmp_import_error_measure_differs'],
			[4, 'Måttenhet: cmp_import_error_measure_differs_in_file'],
			[5, 'Måttenhet: cmp_import_error_measure_missing']
		]);
		expect(p.plan!.rows[0].issues[0].params).toEqual({ code: 'N15419', stored: 'percent', given: 'count' });
		await expect(applyComparisonImport(t.db, { actor: s.admin, organizerId: s.org, batchId: p.id })).rejects.toMatchObject({
			code: 'INVALID'
		});
		expect((await stored(s)).map((r) => r.value)).toEqual([85]);
	});

	it('explains bad periods, values, genders and repeated rows per row', async () => {
		const s = await setUp();
		const p = await preview(
			s,
			`Nyckeltal-id;Nyckeltal;Område;Period;Kön;Värde;Måttenhet
N1;A;0180;2023/25;T;1;procent
N1;A;0180;2027;X;1;procent
N1;A;0180;2024;T;;procent
N1;A;0180;2025;T;12,3,4;procent
N1;A;0180;2026;T;5;procent
N1;A;0180;2026;T;6;procent`
		);
		expect(issuesOf(p.plan!)).toEqual([
			[2, 'Period: cmp_import_error_period'],
			[3, 'Kön: cmp_import_error_gender'],
			[4, 'Värde: cmp_import_error_value_missing'],
			[5, 'Värde: cmp_import_error_value'],
			[7, 'null: cmp_import_error_duplicate']
		]);
	});

	it('refuses files that cannot be read: empty, too large, wrong headers, no data rows', async () => {
		const s = await setUp();
		const up = (bytes: Uint8Array | null) => createComparisonImport(t.db, { actor: s.admin, organizerId: s.org, fileName: 'x.csv', bytes });
		await expect(up(enc(''))).rejects.toMatchObject({ fileCode: 'empty' });
		await expect(up(null)).rejects.toMatchObject({ fileCode: 'no_file' });
		await expect(up(new Uint8Array(3 * 1024 * 1024).fill(65))).rejects.toMatchObject({ fileCode: 'too_large' });
		await expect(up(enc('Nyckeltal-id;Färg;Område;Period;Värde\nN1;röd;0180;2024;1'))).rejects.toMatchObject({
			fileCode: 'unknown_column',
			params: { column: 'Färg' }
		});
		await expect(up(enc('Nyckeltal-id;Område;Period\nN1;0180;2024'))).rejects.toMatchObject({
			fileCode: 'missing_column',
			params: { column: 'värde' }
		});
		await expect(up(enc('Nyckeltal-id;Område;Period;Värde\n'))).rejects.toMatchObject({ fileCode: 'no_rows' });
	});

	it('without a kommunkod refuses the municipality rows until one is set, which is audited', async () => {
		const s = await setUp();
		await t.db.update(organizers).set({ municipalityCode: null }).where(eq(organizers.id, s.org));
		const file = `Nyckeltal-id;Nyckeltal;Område;Period;Värde;Måttenhet\nN1;A;0180;2024;1;procent`;
		expect(issuesOf((await preview(s, file)).plan!)).toEqual([[2, 'Område: cmp_import_error_no_municipality_code']]);
		await expect(
			setMunicipalityCode(t.db, { actor: s.admin, organizerId: s.org, values: { municipalityCode: '180' } })
		).rejects.toMatchObject({
			issues: [{ field: 'municipalityCode', message: 'cmp_municipality_error_format' }]
		});
		expect(await setMunicipalityCode(t.db, { actor: s.leader, organizerId: s.org, values: { municipalityCode: '0180' } })).toEqual({
			changed: true
		});
		const [event] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.org), eq(auditEvents.action, 'organizer.municipality_code_update')));
		expect(event.changes).toEqual({ municipalityCode: [null, '0180'] });
		expect(issuesOf((await preview(s, file)).plan!)).toEqual([]);
	});

	it('is for those who configure the follow-up: a principal may neither import nor map', async () => {
		const s = await setUp();
		await expect(
			createComparisonImport(t.db, { actor: s.principal, organizerId: s.org, fileName: 'x.csv', bytes: enc('a') })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const p = await preview(s, `Nyckeltal-id;Nyckeltal;Område;Period;Värde;Måttenhet\nN1;A;0180;2024;1;procent`);
		await expect(planComparisonImport(t.db, { actor: s.principal, organizerId: s.org, batchId: p.id })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		const other = await setUp();
		await expect(planComparisonImport(t.db, { actor: other.admin, organizerId: other.org, batchId: p.id })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(
			setMunicipalityCode(t.db, { actor: s.principal, organizerId: s.org, values: { municipalityCode: '' } })
		).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
	});
});

describe('comparison values beside own figures', () => {
	it('returns the values of the key figures mapped to an own figure, for the periods asked, with source and period', async () => {
		const s = await setUp();
		const p = await preview(
			s,
			`Källa;Nyckeltal-id;Nyckeltal;Område;Period;Värde;Måttenhet
Kolada;N1;Förlorade lektioner per 100 elever;0180;2023;4;per 100 elever
Kolada;N1;Förlorade lektioner per 100 elever;0180;2024;3,5;per 100 elever
Kolada;N1;Förlorade lektioner per 100 elever;${s.code};2024;2;per 100 elever
Skolverket;S9;Andel;0180;2024;50;procent`
		);
		await applyComparisonImport(t.db, { actor: s.admin, organizerId: s.org, batchId: p.id });
		const overview = await getComparisonOverview(t.db, { actor: s.admin, organizerId: s.org });
		const n1 = overview.keyFigures.find((k) => k.code === 'N1')!;
		const s9 = overview.keyFigures.find((k) => k.code === 'S9')!;
		expect(n1.values.map((v) => [v.period, v.areaCode, v.unitName, v.value])).toEqual([
			['2023', '0180', null, 4],
			['2024', '0180', null, 3.5],
			['2024', s.code, 'Björkskolan', 2]
		]);
		const key = 'support.lost_lessons_per_100_students';
		// A share is not a count per 100 students: refused beside the field.
		await expect(
			addComparisonMapping(t.db, { actor: s.admin, organizerId: s.org, values: { figureKey: key, keyFigureId: s9.id } })
		).rejects.toMatchObject({ issues: [{ field: 'keyFigureId', message: 'cmp_mapping_error_measure' }] });
		await expect(
			addComparisonMapping(t.db, { actor: s.admin, organizerId: s.org, values: { figureKey: 'no.such', keyFigureId: n1.id } })
		).rejects.toMatchObject({ issues: [{ field: 'figureKey', message: 'cmp_mapping_error_figure' }] });
		expect(
			await addComparisonMapping(t.db, { actor: s.admin, organizerId: s.org, values: { figureKey: key, keyFigureId: n1.id } })
		).toEqual({
			added: true
		});
		await addComparisonMapping(t.db, {
			actor: s.admin,
			organizerId: s.org,
			values: { figureKey: 'assessment.subgoal.2.2', keyFigureId: s9.id }
		});

		const found = await findComparisonValues(t.db, {
			organizerId: s.org,
			figureKeys: [key, 'assessment.subgoal.2.2', 'devices.per_student'],
			periods: comparisonPeriodsOfSchoolYear('2023/24')
		});
		expect(Object.keys(found).sort()).toEqual(['assessment.subgoal.2.2', key]);
		expect(found[key].map((v) => [v.source, v.code, v.period, v.periodKind, v.areaKind, v.unitName, v.value, v.measure])).toEqual([
			['Kolada', 'N1', '2024', 'year', 'municipality', null, 3.5, 'per_100_students'],
			['Kolada', 'N1', '2024', 'year', 'school_unit', 'Björkskolan', 2, 'per_100_students']
		]);
		expect(found['assessment.subgoal.2.2'][0]).toMatchObject({ source: 'Skolverket', title: 'Andel', value: 50 });
		// Another organizer's mappings and values are never in the answer.
		const other = await setUp();
		expect(await findComparisonValues(t.db, { organizerId: other.org, figureKeys: [key], periods: ['2024'] })).toEqual({});

		await removeComparisonMapping(t.db, { actor: s.admin, organizerId: s.org, figureKey: key, keyFigureId: n1.id });
		expect(await findComparisonValues(t.db, { organizerId: s.org, figureKeys: [key], periods: ['2024'] })).toEqual({});
		await expect(
			removeComparisonMapping(t.db, { actor: s.admin, organizerId: s.org, figureKey: key, keyFigureId: n1.id })
		).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		const actions = (await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.organizerId, s.org))).map(
			(e) => e.action
		);
		expect(actions).toEqual(expect.arrayContaining(['comparison.mapping_add', 'comparison.mapping_remove']));
	});
});
