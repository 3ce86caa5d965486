// Covers: parseToolKind, parseSignIn, parseSchoolForms, parseCost, planToolRows, xlsxToCsv, TOOL_COLUMNS.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../imports/read-import-file';
import { xlsxToCsv } from '../imports/xlsx-to-csv';
import type { ImportFileError } from '../imports/import-file-error';
import { planToolRows } from './plan-tool-rows';
import { parseCost, parseSchoolForms, parseSignIn, parseToolKind, parseYears } from './tool-cell-values';
import { TOOL_COLUMNS } from './tool-columns';

const HEADER =
	'Namn;Leverantör;Typ;Skolformer;Inloggning;Personuppgifter;Vilka uppgifter;Lagring;Tillgänglighetsredogörelse;Samverkan;Årskostnad';
const plan = (text: string, existing: Parameters<typeof planToolRows>[2] = []) => {
	const file = readImportFile(text, TOOL_COLUMNS);
	return planToolRows(file.rows, file.names, existing);
};
const tool = (o: Partial<Parameters<typeof planToolRows>[2][number]> = {}) => ({
	id: '11111111-1111-4111-8111-111111111111',
	organizerId: 'o',
	name: 'Skrivstöd Plus',
	nameKey: 'skrivstöd plus',
	vendor: 'Ordverkstan AB',
	kind: 'app' as const,
	url: '',
	description: '',
	schoolForms: ['compulsory' as const],
	yearFrom: null,
	yearTo: null,
	signIn: 'sso' as const,
	personalData: true,
	dataDescription: '',
	storage: '',
	accessibilityUrl: '',
	interoperability: '',
	ownerId: null,
	yearlyCost: 12000,
	origin: null,
	createdAt: new Date(),
	updatedAt: new Date(),
	...o
});

describe('reading the cells of a register file', () => {
	it('knows kinds, sign-ins and school forms by key, Swedish or English label and the usual codes', () => {
		expect(parseToolKind('Digital lärresurs')).toBe('learning_resource');
		expect(parseToolKind('administrative system')).toBe('admin_system');
		expect(parseToolKind('PLATTFORM')).toBe('platform');
		expect(parseToolKind('Spel')).toBeNull();
		expect(parseSignIn('SSO')).toBe('sso');
		expect(parseSignIn('Skolans egna konton')).toBe('sso');
		expect(parseSignIn('egna konton')).toBe('own_accounts');
		expect(parseSignIn('Ingen inloggning')).toBe('none');
		expect(parseSignIn('BankID')).toBeNull();
		expect(parseSchoolForms('Grundskola, GY; förskoleklass')).toEqual({
			forms: ['preschool_class', 'compulsory', 'upper_secondary'],
			unknown: []
		});
		expect(parseSchoolForms('GR, Universitet')).toEqual({ forms: ['compulsory'], unknown: ['Universitet'] });
	});

	it('reads year groups as ranges or one year, F for förskoleklass, and refuses anything else or backwards', () => {
		expect(parseYears('F–9')).toEqual({ yearFrom: 'F', yearTo: '9' });
		expect(parseYears('åk 4-6')).toEqual({ yearFrom: '4', yearTo: '6' });
		expect(parseYears(' 7 ')).toEqual({ yearFrom: '7', yearTo: '7' });
		expect(parseYears('')).toEqual({ yearFrom: '', yearTo: '' });
		for (const bad of ['9–4', '10', 'mellanstadiet', '4–', 'F–10']) expect(parseYears(bad), bad).toBeNull();
	});

	it('reads whole kronor as spreadsheets write them and refuses anything else', () => {
		expect(parseCost('12 000')).toBe(12000);
		expect(parseCost('12000 kr')).toBe(12000);
		expect(parseCost('4500,00')).toBe(4500);
		expect(parseCost('12,5')).toBeNull();
		expect(parseCost('-3')).toBeNull();
		expect(parseCost('gratis')).toBeNull();
	});
});

describe('planning a register file', () => {
	it('tells new, changed and unchanged tools apart, matching names whatever the case, and keeps what blank cells leave', () => {
		const p = plan(
			[
				HEADER,
				'Ny app;Appbolaget;App;GR;SSO;nej;;;;;',
				'skrivstöd plus;;;;;;;;;;12 000',
				'Skrivstöd Plus 2;Ordverkstan AB;Digital lärresurs;Grundskola;Egna konton;ja;Elevers namn;Sverige;https://ordverkstan.se/tillganglighet;;900'
			].join('\n'),
			[
				tool(),
				tool({ id: '22222222-2222-4222-8222-222222222222', name: 'Skrivstöd Plus 2', nameKey: 'skrivstöd plus 2', yearlyCost: null })
			]
		);
		expect(p.rows.map((r) => [r.line, r.outcome])).toEqual([
			[2, 'create'],
			[3, 'update'],
			[4, 'update']
		]);
		// Only the name's case differs on line 3: a blank cell keeps the entry's vendor, kind and cost.
		expect(p.rows[1].changed).toEqual(['Namn']);
		expect(p.rows[1].input).toMatchObject({ vendor: 'Ordverkstan AB', kind: 'app', yearlyCost: '12000' });
		expect(p.rows[2].changed).toEqual(
			expect.arrayContaining(['Typ', 'Inloggning', 'Vilka uppgifter', 'Lagring', 'Tillgänglighetsredogörelse', 'Årskostnad'])
		);
		expect(p.rows[0].input).toMatchObject({
			name: 'Ny app',
			kind: 'app',
			signIn: 'sso',
			personalData: undefined,
			schoolForms: ['compulsory']
		});
		expect(p.counts).toEqual({ create: 1, update: 2, unchanged: 0, error: 0 });
		expect(plan(`${HEADER}\nSkrivstöd Plus;Ordverkstan AB;App;Grundskola;SSO;ja;;;;;12000`, [tool()]).rows[0].outcome).toBe('unchanged');
	});

	it('names the row and column of every problem: unknown kind, school form, sign-in, yes/no, bad number, address, duplicate', () => {
		const p = plan(
			[
				HEADER,
				'Quiz;;Spel;;;;;;;;',
				'Rita;;App;Universitet;BankID;kanske;;;;;tolv',
				'Läsa;;App;;;;;;javascript:alert(1);;',
				'quiz;;App;;;;;;;;',
				';;App;;;;;;;;',
				'Utan typ;;;;;;;;;;'
			].join('\n')
		);
		const issues = p.rows.map((r) => [r.line, r.outcome, r.issues.map((i) => `${i.column}: ${i.message}`)]);
		expect(issues).toEqual([
			[2, 'error', ['Typ: apps_import_error_kind']],
			[
				3,
				'error',
				[
					'Skolformer: apps_import_error_school_forms',
					'Inloggning: apps_import_error_sign_in',
					'Personuppgifter: imports_error_yes_no',
					'Årskostnad: apps_import_error_cost'
				]
			],
			[4, 'error', ['Tillgänglighetsredogörelse: apps_error_url']],
			[5, 'error', ['Namn: apps_import_error_duplicate']],
			[6, 'error', ['Namn: imports_error_required']],
			[7, 'error', ['Typ: imports_error_required']]
		]);
		expect(p.rows[3].issues[0].params).toEqual({ line: 2 });
		expect(p.rows[1].issues[0].params).toEqual({ value: 'Universitet' });
	});

	it('refuses a file with an unknown column as a whole, naming the column', () => {
		let error: ImportFileError | null = null;
		try {
			readImportFile('Namn;Typ;Färg\nQuiz;App;blå\n', TOOL_COLUMNS);
		} catch (e) {
			error = e as ImportFileError;
		}
		expect(error?.fileCode).toBe('unknown_column');
		expect(error?.params).toEqual({ line: 1, column: 'Färg' });
	});
});

describe('reading an Excel workbook', () => {
	it('turns the first sheet into lines numbered as the sheet rows, quoting what needs it', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Register');
		sheet.addRow(['Namn', 'Typ', 'Årskostnad', 'Lagring']);
		sheet.addRow(['Quiz; och mer', 'App', 1200, 'Sverige,\nIrland']);
		sheet.addRow([]);
		sheet.getRow(4).values = ['Rita "Pro"', 'Digital lärresurs', null, ''];
		const text = await xlsxToCsv(new Uint8Array(await workbook.xlsx.writeBuffer()));
		const file = readImportFile(text, TOOL_COLUMNS);
		expect(file.rows.map((r) => [r.line, r.cells.name, r.cells.kind, r.cells.yearlyCost, r.cells.storage])).toEqual([
			[2, 'Quiz; och mer', 'App', '1200', 'Sverige, Irland'],
			[4, 'Rita "Pro"', 'Digital lärresurs', '', '']
		]);
	});

	it('refuses bytes that are no workbook', async () => {
		await expect(xlsxToCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ fileCode: 'binary' });
	});
});
