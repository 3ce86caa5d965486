// Covers: csvStream, xlsxBuffer, prepareReportExport, reportExportRows.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentConsensus } from '../../db/schema';
import { csvStream, xlsxBuffer } from './export-formats';
import { prepareReportExport, reportExportRows } from './export-rows';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.programmering';

/** Minimal parser for our own `;` CSV with quotes. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ';') {
			row.push(field);
			field = '';
		} else if (ch === '\r') continue;
		else if (ch === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	return rows;
}

async function setUp() {
	const organizer = await buildOrganizer(h.db);
	const big = await buildUnit(h.db, { organizerId: organizer.id, name: 'Storskolan' });
	const small = await buildUnit(h.db, { organizerId: organizer.id, name: 'Lillskolan' });
	const third = await buildUnit(h.db, { organizerId: organizer.id, name: 'Mellanskolan' });
	const round = await buildRound(h.db, { organizer, units: [big, small, third], anonymityThreshold: 5, closedAt: new Date() });
	for (let i = 0; i < 6; i++)
		await buildResponse(h.db, {
			round,
			unitId: big.id,
			perspective: 'students',
			answers: { [ITEM]: 3 },
			comments: i === 0 ? { [ITEM]: 'Vi vill ha mer; "mycket" mer\nprogrammering' } : {}
		});
	for (let i = 0; i < 7; i++) await buildResponse(h.db, { round, unitId: third.id, perspective: 'students', answers: { [ITEM]: 2 } });
	for (let i = 0; i < 2; i++)
		await buildResponse(h.db, {
			round,
			unitId: small.id,
			perspective: 'students',
			answers: { [ITEM]: 1 },
			comments: { [ITEM]: 'Hemlig kommentar' }
		});
	await h.db
		.insert(assessmentConsensus)
		.values({ roundId: round.id, unitId: big.id, organizerId: organizer.id, itemKey: ITEM, level: 3, evidence: '=Elevenkät', note: 'Bra' });
	const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	return { organizer, round, actor };
}

describe('report exports', () => {
	it('writes every figure in Swedish with codes as words, marks hidden cells, and includes agreed levels and only shown groups’ comments in CSV', async () => {
		const { organizer, round, actor } = await setUp();
		const { rows, labels } = await prepareReportExport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		const bytes = new Uint8Array(await new Response(csvStream(rows(), labels)).arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text.split('\r\n')[0]).toBe(
			'Avsnitt;Delmål;Delmålets namn;Enhet;Perspektiv;Visas;Medelnivå (1–4);Svar med nivå;Vet ej;Ej aktuellt;Antal svarande'
		);
		expect(text.replace(/"[^"]*"/g, '').match(/[^\r]\n/)).toBeNull();
		const table = parseCsv(text);
		const figures = table.filter((r) => r[0] === 'Siffror');
		const cell = (unit: string) => figures.find((r) => r[1] === '1.1' && r[3] === unit && r[4] === 'Elever')!;
		expect(cell('Lillskolan').slice(5, 7)).toEqual(['Nej, dolt (för få svar)', '']);
		expect(cell('Mellanskolan').slice(5, 7)).toEqual(['Ja', '2']);
		expect(cell('Alla enheter')[6]).toMatch(/^\d+(,\d{1,2})?$/);
		expect(figures.filter((r) => r[1] === '1.1' && r[4] === 'Elever' && r[5] === 'Ja').map((r) => r[3])).not.toContain('Lillskolan');
		// every sub-goal × (3 units + total) × (4 perspectives + total)
		expect(figures.length).toBe(new Set(figures.map((r) => r[1])).size * 4 * 5);
		const consensus = table.find((r) => r[0] === 'Beslutade nivåer')!;
		expect(consensus.slice(1, 4)).toEqual(['Storskolan', '1.1', ITEM]);
		expect(consensus[4].length).toBeGreaterThan(10);
		expect(consensus.slice(5)).toEqual(['3', "'=Elevenkät", 'Bra']);
		const comments = table.filter((r) => r[0] === 'Kommentarer').map((r) => r[6]);
		expect(comments).not.toContain('Hemlig kommentar');
		const storskolanShown = cell('Storskolan')[5] === 'Ja';
		expect(comments.includes('Vi vill ha mer; "mycket" mer\nprogrammering')).toBe(storskolanShown);
	});

	it('writes column names and codes in English for an English reader', async () => {
		const { organizer, round, actor } = await setUp();
		const { rows, labels } = await prepareReportExport(h.db, { actor, organizerId: organizer.id, roundId: round.id, locale: 'en' });
		const table = parseCsv(new TextDecoder().decode(new Uint8Array(await new Response(csvStream(rows(), labels)).arrayBuffer())));
		expect(table[0].slice(0, 6)).toEqual(['Section', 'Sub-goal', 'Sub-goal name', 'Unit', 'Perspective', 'Shown']);
		expect(table.find((r) => r[0] === 'Figures' && r[1] === '1.1' && r[3] === 'Lillskolan' && r[4] === 'Students')?.[5]).toBe(
			'No, hidden (too few answers)'
		);
	});

	it('limits the rows to a set of units when asked (a principal’s own)', async () => {
		const { organizer, round, actor } = await setUp();
		const { report, labels } = await prepareReportExport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		const big = report.units.find((u) => u.name === 'Storskolan')!;
		const units = new Set<string>();
		for await (const r of reportExportRows(h.db, { organizerId: organizer.id, report, labels, unitIds: new Set([big.id]) }))
			if (r.sheet !== 'figures' || r.cells[2] !== labels.allUnits) units.add(String(r.sheet === 'figures' ? r.cells[2] : r.cells[0]));
		expect([...units]).toEqual(['Storskolan']);
	});

	it('writes the same sheets to XLSX with numeric cells, a frozen header row and set widths', async () => {
		const { organizer, round, actor } = await setUp();
		const { rows, labels } = await prepareReportExport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await xlsxBuffer(rows(), labels)) as never);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Siffror', 'Beslutade nivåer', 'Kommentarer']);
		const figures = workbook.getWorksheet('Siffror')!;
		expect(figures.getRow(1).values).toContain('Medelnivå (1–4)');
		expect(figures.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(figures.getColumn(2).width).toBeGreaterThan(20);
		const values: unknown[][] = [];
		figures.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
		expect(values.find((v) => v[0] === '1.1' && v[2] === 'Lillskolan' && v[3] === 'Elever')?.[4]).toBe('Nej, dolt (för få svar)');
		const rowNumber = values.findIndex((v) => v[0] === '1.1' && v[2] === 'Mellanskolan' && v[3] === 'Elever') + 1;
		const mean = figures.getRow(rowNumber).getCell(6);
		expect(mean.value).toBe(2);
		expect(mean.numFmt).toBe('0.0#');
		expect(figures.getRow(rowNumber).getCell(7).value).toBe(7);
		const consensus = workbook.getWorksheet('Beslutade nivåer')!;
		const agreed = (consensus.getRow(2).values as unknown[]).slice(1);
		expect([agreed[0], agreed[1], agreed[2], agreed[4], agreed[5], agreed[6]]).toEqual(['Storskolan', '1.1', ITEM, 3, '=Elevenkät', 'Bra']);
	});

	it('refuses people without the report right before writing anything', async () => {
		const { organizer, round } = await setUp();
		const staff = await buildActor(h.db, [{ role: 'staff', organizerId: organizer.id, unitId: round.units[0].id }]);
		await expect(prepareReportExport(h.db, { actor: staff, organizerId: organizer.id, roundId: round.id })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
	});
});
