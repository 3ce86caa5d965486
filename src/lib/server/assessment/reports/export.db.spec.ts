import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentConsensus } from '../../db/schema';
import { csvField, csvStream, xlsxBuffer } from './export-formats';
import { prepareReportExport } from './export-rows';

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
			if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ';') row.push(field), (field = '');
		else if (ch === '\r') continue;
		else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
		else field += ch;
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
		await buildResponse(h.db, { round, unitId: big.id, perspective: 'students', answers: { [ITEM]: 3 }, comments: i === 0 ? { [ITEM]: 'Vi vill ha mer; "mycket" mer\nprogrammering' } : {} });
	for (let i = 0; i < 7; i++) await buildResponse(h.db, { round, unitId: third.id, perspective: 'students', answers: { [ITEM]: 2 } });
	for (let i = 0; i < 2; i++) await buildResponse(h.db, { round, unitId: small.id, perspective: 'students', answers: { [ITEM]: 1 }, comments: { [ITEM]: 'Hemlig kommentar' } });
	await h.db.insert(assessmentConsensus).values({ roundId: round.id, unitId: big.id, organizerId: organizer.id, itemKey: ITEM, level: 3, evidence: '=Elevenkät', note: 'Bra' });
	const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	return { organizer, round, actor };
}

describe('report exports', () => {
	it('writes every figure, marks suppressed cells, and includes consensus and only shown groups’ comments in CSV', async () => {
		const { organizer, round, actor } = await setUp();
		const { rows } = await prepareReportExport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		const bytes = new Uint8Array(await new Response(csvStream(rows())).arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const table = parseCsv(new TextDecoder().decode(bytes).slice(1));
		const figures = table.filter((r) => r[0] === 'figures');
		expect(figures.find((r) => r[1] === '1.1' && r[2] === 'Lillskolan' && r[3] === 'students')?.slice(4, 6)).toEqual(['suppressed', '']);
		const shown = figures.filter((r) => r[1] === '1.1' && r[3] === 'students' && r[4] === 'shown');
		for (const r of shown) expect(r[2]).not.toBe('Lillskolan');
		expect(figures.filter((r) => r[1] === '1.1' && r[3] === 'students' && r[4] === 'suppressed').length).toBeGreaterThanOrEqual(2);
		// 11 sub-goals? every sub-goal × (3 units + total) × (4 perspectives + total)
		expect(figures.length).toBe(new Set(figures.map((r) => r[1])).size * 4 * 5);
		expect(table.find((r) => r[0] === 'consensus')).toEqual(['consensus', 'Storskolan', '1.1', ITEM, '3', "'=Elevenkät", 'Bra']);
		const comments = table.filter((r) => r[0] === 'comments').map((r) => r[5]);
		expect(comments).not.toContain('Hemlig kommentar');
		const storskolanShown = figures.find((r) => r[1] === '1.1' && r[2] === 'Storskolan' && r[3] === 'students')?.[4] === 'shown';
		expect(comments.includes('Vi vill ha mer; "mycket" mer\nprogrammering')).toBe(storskolanShown);
	});

	it('writes the same sheets to XLSX, readable by exceljs', async () => {
		const { organizer, round, actor } = await setUp();
		const { rows } = await prepareReportExport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await xlsxBuffer(rows())) as never);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['figures', 'consensus', 'comments']);
		const figures = workbook.getWorksheet('figures')!;
		expect(figures.getRow(1).values).toContain('status');
		const values: unknown[][] = [];
		figures.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
		expect(values.find((v) => v[0] === '1.1' && v[1] === 'Lillskolan' && v[2] === 'students')?.[3]).toBe('suppressed');
		const consensus = workbook.getWorksheet('consensus')!;
		expect((consensus.getRow(2).values as unknown[]).slice(1)).toEqual(['Storskolan', '1.1', ITEM, 3, '=Elevenkät', 'Bra']);
	});

	it('refuses people without the report right before writing anything', async () => {
		const { organizer, round } = await setUp();
		const staff = await buildActor(h.db, [{ role: 'staff', organizerId: organizer.id, unitId: round.units[0].id }]);
		await expect(prepareReportExport(h.db, { actor: staff, organizerId: organizer.id, roundId: round.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('keeps a cell from being read as a formula', () => {
		expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvField('-1')).toBe("'-1");
		expect(csvField(2.5)).toBe('2.5');
	});
});
