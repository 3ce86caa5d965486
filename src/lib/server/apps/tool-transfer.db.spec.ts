// Covers: createToolImport, planToolImport, applyToolImport, getToolImport, findRegisterExport, registerXlsx, recordsXlsx,
// registerJson, buildReviewPackage, stageReviewPackage, previewReviewPackage, importReviewPackage, readReviewPackage.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildAgreement, buildOrganizer, buildTool } from '../../../../tests/factories';
import { appDecisions, appTools, auditEvents, importBatches } from '../db/schema';
import { keyringOf } from '../crypto/secrets';
import { signingKey } from '../crypto/package-signing';
import { applyToolImport } from './apply-tool-import';
import { buildReviewPackage } from './build-review-package';
import { createToolImport } from './create-tool-import';
import { decideTool } from './decide-tool';
import { findRegisterExport } from './find-register-export';
import { getTool } from './get-tool';
import { importReviewPackage, previewReviewPackage as previewStaged } from './import-review-package';
import { stageReviewPackage } from './stage-review-package';
import { planToolImport } from './plan-tool-import';
import { recordsXlsx } from './records-xlsx';
import { registerJson } from './register-json';
import { registerXlsx } from './register-xlsx';

const t = useTestDatabase();
const TODAY = '2026-12-03';
const HEADER =
	'Namn;Leverantör;Typ;Skolformer;Inloggning;Personuppgifter;Vilka uppgifter;Lagring;Tillgänglighetsredogörelse;Samverkan;Årskostnad';
const bytes = (text: string) => new TextEncoder().encode(text);

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const on = (role: Parameters<typeof buildActor>[1][number]['role'], organizerId = organizer.id) =>
		buildActor(t.db, [{ role, organizerId, unitId: null }]);
	return { organizer, central: await on('central_technical_support'), reader: await on('reader'), admin: await on('org_admin') };
}

const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as {
		code: string;
		issues: { field: string; message: string }[];
		fileCode?: string;
		line?: number;
	};
type PackageOpts = { actor: Awaited<ReturnType<typeof buildActor>>; organizerId: string; text: string };
/** A package uploaded and previewed, as the import page does in two requests (decision 065). */
const previewReviewPackage = async (db: typeof t.db, o: PackageOpts) => {
	const { id } = await stageReviewPackage(db, {
		actor: o.actor,
		organizerId: o.organizerId,
		fileName: 'granskning.json',
		bytes: bytes(o.text)
	});
	return previewStaged(db, { actor: o.actor, organizerId: o.organizerId, batchId: id });
};
/** A package uploaded and imported at once. */
const importText = async (db: typeof t.db, o: PackageOpts) => {
	const { id } = await stageReviewPackage(db, {
		actor: o.actor,
		organizerId: o.organizerId,
		fileName: 'granskning.json',
		bytes: bytes(o.text)
	});
	return importReviewPackage(db, { actor: o.actor, organizerId: o.organizerId, batchId: id });
};
const toolsOf = (organizerId: string) => t.db.select().from(appTools).where(eq(appTools.organizerId, organizerId));

describe('importing the register from a file', () => {
	it('previews new, changed and unchanged tools, then writes them all at once and audits the import', async () => {
		const s = await setup();
		await buildTool(t.db, { organizerId: s.organizer.id, name: 'Skrivstöd Plus', vendor: 'Ordverkstan AB', yearlyCost: 100 });
		await buildTool(t.db, { organizerId: s.organizer.id, name: 'Kartverket', vendor: 'Kartbolaget', schoolForms: ['compulsory'] });
		const base = { actor: s.central, organizerId: s.organizer.id };
		const file = [
			HEADER,
			'Matteresan;Räknebolaget AB;Digital lärresurs;Grundskola;SSO;ja;Elevers namn och resultat;Sverige;;Inläsning av elever via SS12000;24 000',
			'skrivstöd plus;;;;;;;;;;200',
			'Kartverket;Kartbolaget;App;GR;;;;;;;'
		].join('\r\n');
		const { id, rows } = await createToolImport(t.db, { ...base, fileName: 'C:\\Users\\x\\verktyg.csv', bytes: bytes(file) });
		expect(rows).toBe(3);
		const preview = await planToolImport(t.db, { ...base, batchId: id });
		expect(preview.batch.fileName).toBe('verktyg.csv');
		expect(preview.plan!.rows.map((r) => [r.line, r.outcome, r.changed])).toEqual([
			[2, 'create', []],
			[3, 'update', ['Namn', 'Årskostnad']],
			[4, 'unchanged', []]
		]);
		// The preview wrote nothing.
		expect((await toolsOf(s.organizer.id)).map((x) => x.name).sort()).toEqual(['Kartverket', 'Skrivstöd Plus']);

		expect(await applyToolImport(t.db, { ...base, batchId: id })).toEqual({ created: 1, updated: 1, unchanged: 1 });
		const after = await toolsOf(s.organizer.id);
		expect(after.find((x) => x.name === 'Matteresan')).toMatchObject({
			kind: 'learning_resource',
			schoolForms: ['compulsory'],
			personalData: true,
			yearlyCost: 24000,
			interoperability: 'Inläsning av elever via SS12000'
		});
		expect(after.find((x) => x.nameKey === 'skrivstöd plus')).toMatchObject({
			name: 'skrivstöd plus',
			vendor: 'Ordverkstan AB',
			yearlyCost: 200
		});
		const events = await t.db.select().from(auditEvents).where(eq(auditEvents.organizerId, s.organizer.id));
		expect(events.map((e) => e.action).sort()).toEqual(['app_tool.create', 'app_tool.import', 'app_tool.import_upload', 'app_tool.update']);
		expect((await planToolImport(t.db, { ...base, batchId: id })).result).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
		// Once only.
		expect((await caught(applyToolImport(t.db, { ...base, batchId: id }))).code).toBe('CONFLICT');
	});

	it('reads an Excel workbook the same way, and the exported workbook reads back unchanged', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		const tool = await buildTool(t.db, {
			organizerId: s.organizer.id,
			name: 'Ritprogrammet',
			kind: 'learning_resource',
			schoolForms: ['preschool_class', 'compulsory'],
			signIn: 'own_accounts',
			personalData: false,
			yearlyCost: 5000,
			storage: 'Sverige'
		});
		await buildAgreement(t.db, { organizerId: s.organizer.id, toolId: tool.id, createdBy: s.central.personId });
		const xlsx = await registerXlsx(await findRegisterExport(t.db, { ...base, today: TODAY }));
		const { id } = await createToolImport(t.db, { ...base, fileName: 'register.xlsx', bytes: new Uint8Array(xlsx) });
		const { plan } = await planToolImport(t.db, { ...base, batchId: id });
		expect(plan!.rows.map((r) => [r.line, r.name, r.outcome])).toEqual([[2, 'Ritprogrammet', 'unchanged']]);
	});

	it('says what is wrong row by row and column by column, and writes nothing while any row is wrong', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		const file = [HEADER, 'Bra verktyg;;App;;;;;;;;', 'Quiz;;Spel;;;;;;;;', 'Bra verktyg;;App;;;;;;;;', 'Rita;;App;;;kanske;;;;;12,5'].join(
			'\n'
		);
		const { id } = await createToolImport(t.db, { ...base, fileName: 'fel.csv', bytes: bytes(file) });
		const { plan } = await planToolImport(t.db, { ...base, batchId: id });
		expect(plan!.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 3 });
		expect(
			plan!.rows.filter((r) => r.outcome === 'error').map((r) => [r.line, r.issues.map((i) => `${i.column}: ${i.message}`).join(' | ')])
		).toEqual([
			[3, 'Typ: apps_import_error_kind'],
			[4, 'Namn: apps_import_error_duplicate'],
			[5, 'Personuppgifter: imports_error_yes_no | Årskostnad: apps_import_error_cost']
		]);
		const e = await caught(applyToolImport(t.db, { ...base, batchId: id }));
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'form', message: 'apps_import_error_has_errors' }]);
		expect(await toolsOf(s.organizer.id)).toEqual([]);
		const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, id));
		expect(batch.status).toBe('pending');
	});

	it('refuses a file with an unknown column or without a name column, and stores nothing', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		const unknown = await caught(createToolImport(t.db, { ...base, fileName: 'x.csv', bytes: bytes('Namn;Typ;Färg\nQuiz;App;blå\n') }));
		expect([unknown.code, unknown.fileCode]).toEqual(['INVALID', 'unknown_column']);
		const noName = await caught(createToolImport(t.db, { ...base, fileName: 'x.csv', bytes: bytes('Typ;Leverantör\nApp;X\n') }));
		expect(noName.fileCode).toBe('missing_column');
		expect((await caught(createToolImport(t.db, { ...base, fileName: '', bytes: null }))).fileCode).toBe('no_file');
		expect(await t.db.select().from(importBatches).where(eq(importBatches.organizerId, s.organizer.id))).toEqual([]);
	});

	it('is for the register managers of the organizer only; another organizer cannot see the file', async () => {
		const s = await setup();
		const other = await setup();
		const { id } = await createToolImport(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			fileName: 'a.csv',
			bytes: bytes(`${HEADER}\nQuiz;;App;;;;;;;;`)
		});
		expect(
			(await caught(createToolImport(t.db, { actor: s.reader, organizerId: s.organizer.id, fileName: 'a.csv', bytes: bytes('Namn\nX') })))
				.code
		).toBe('FORBIDDEN');
		expect((await caught(applyToolImport(t.db, { actor: s.reader, organizerId: s.organizer.id, batchId: id }))).code).toBe('FORBIDDEN');
		expect((await caught(planToolImport(t.db, { actor: other.central, organizerId: other.organizer.id, batchId: id }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await caught(applyToolImport(t.db, { actor: other.central, organizerId: s.organizer.id, batchId: id }))).code).toBe(
			'FORBIDDEN'
		);
		expect(await toolsOf(s.organizer.id)).toEqual([]);
	});
});

describe('exporting the register', () => {
	it('writes every tool with its standing and agreement, and the records of processing only for personal data', async () => {
		const s = await setup();
		const base = { actor: s.reader, organizerId: s.organizer.id, today: TODAY };
		const owner = s.admin;
		const handles = await buildTool(t.db, {
			organizerId: s.organizer.id,
			name: 'Elevkollen',
			vendor: 'Skolsystem AB',
			description: 'Närvaro och frånvaro',
			dataDescription: 'Elevers namn, klass och frånvaro',
			storage: 'Sverige',
			ownerId: owner.personId
		});
		await buildAgreement(t.db, {
			organizerId: s.organizer.id,
			toolId: handles.id,
			createdBy: s.central.personId,
			validFrom: '2024-01-01',
			validTo: '2025-12-31',
			subProcessors: 'Gammal AB (Sverige)'
		});
		await buildAgreement(t.db, {
			organizerId: s.organizer.id,
			toolId: handles.id,
			createdBy: s.central.personId,
			validFrom: '2026-01-01',
			validTo: '2028-12-31',
			subProcessors: 'Molnet AB (Sverige), Backup Ltd (Irland)'
		});
		await decideTool(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			toolId: handles.id,
			input: {
				outcome: 'approved_with_conditions',
				schoolForms: ['compulsory'],
				yearFrom: '4',
				yearTo: '9',
				conditions: 'Bara skolans konton'
			}
		});
		await buildTool(t.db, { organizerId: s.organizer.id, name: 'Klockan', personalData: false });

		const tools = await findRegisterExport(t.db, base);
		expect(tools.map((x) => [x.name, x.agreementState])).toEqual([
			['Elevkollen', 'valid'],
			['Klockan', 'not_needed']
		]);
		expect(tools[0]).toMatchObject({
			owner: owner.name,
			currentAgreement: { validTo: '2028-12-31', subProcessors: 'Molnet AB (Sverige), Backup Ltd (Irland)' },
			decision: { outcome: 'approved_with_conditions', yearFrom: 4, yearTo: 9, conditions: 'Bara skolans konton' }
		});

		const json = JSON.parse(registerJson(tools, s.organizer.name));
		expect(json.format).toBe('rodtrad-register/1');
		expect(json.tools).toHaveLength(2);
		expect(json.tools[0]).not.toHaveProperty('id');
		expect(json.tools[0].agreements).toHaveLength(2);

		const records = new ExcelJS.Workbook();
		await records.xlsx.load(
			(await recordsXlsx(await findRegisterExport(t.db, { ...base, personalDataOnly: true }), s.organizer.name)) as never
		);
		const sheet = records.worksheets[0];
		const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
		expect(rows[1]).toContain('Var uppgifterna lagras och behandlas');
		expect(rows).toHaveLength(3); // title, headings, one tool
		expect(rows[2]).toEqual([
			'Elevkollen',
			'Skolsystem AB',
			'Närvaro och frånvaro',
			'Elevers namn, klass och frånvaro',
			'Sverige',
			'Molnet AB (Sverige), Backup Ltd (Irland)',
			'Giltigt: 2026-01-01 – 2028-12-31',
			owner.name,
			expect.stringMatching(/^Godkänt med villkor, \d{4}-\d{2}-\d{2}: Grundskola, åk 4–9\. Bara skolans konton$/)
		]);
	});

	it('is for readers of the register: a teacher or another organizer gets nothing', async () => {
		const s = await setup();
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizer.id, unitId: null }]);
		const other = await setup();
		expect((await caught(findRegisterExport(t.db, { actor: teacher, organizerId: s.organizer.id }))).code).toBe('FORBIDDEN');
		expect((await caught(findRegisterExport(t.db, { actor: other.central, organizerId: s.organizer.id }))).code).toBe('FORBIDDEN');
	});
});

describe('sharing a review between organizers', () => {
	const installationA = signingKey(keyringOf(randomBytes(32)));

	async function reviewed() {
		const a = await setup();
		const tool = await buildTool(t.db, {
			organizerId: a.organizer.id,
			name: `Läsfixaren ${randomBytes(3).toString('hex')}`,
			vendor: 'Läsbolaget AB',
			kind: 'learning_resource',
			schoolForms: ['compulsory'],
			dataDescription: 'Elevers namn och läsloggar',
			storage: 'Sverige, Finland',
			accessibilityUrl: 'https://lasbolaget.se/tillganglighet',
			yearlyCost: 99000
		});
		await buildAgreement(t.db, {
			organizerId: a.organizer.id,
			toolId: tool.id,
			createdBy: a.central.personId,
			signer: 'Anna Avtalsdóttir',
			subProcessors: 'Hosting Oy (Finland)'
		});
		await decideTool(t.db, {
			actor: a.central,
			organizerId: a.organizer.id,
			toolId: tool.id,
			input: {
				outcome: 'approved_with_conditions',
				schoolForms: ['compulsory'],
				yearFrom: '1',
				yearTo: '6',
				conditions: 'Inga elevnamn i fritext'
			}
		});
		const pkg = await buildReviewPackage(t.db, {
			actor: a.central,
			organizerId: a.organizer.id,
			toolId: tool.id,
			installation: 'https://rodtrad.a.se',
			key: installationA
		});
		return { a, tool, pkg };
	}

	it('round-trips: B imports A’s signed review as a new, undecided entry with A shown as the origin', async () => {
		const { a, tool, pkg } = await reviewed();
		const b = await setup();
		const file = JSON.parse(pkg.json);
		expect(file.body.tool.name).toBe(tool.name);
		expect(file.body.extensions).toEqual({});
		expect(pkg.json).not.toContain('agreementFile');
		// Never a signer's name, the cost or an id of A's.
		expect(pkg.json).not.toContain('Anna Avtalsdóttir');
		expect(pkg.json).not.toContain('99000');
		expect(pkg.json).not.toContain(tool.id);

		const preview = await previewReviewPackage(t.db, { actor: b.central, organizerId: b.organizer.id, text: pkg.json });
		expect(preview).toMatchObject({ keyId: installationA.keyId, existingToolId: null, body: { origin: { organizer: a.organizer.name } } });

		const imported = await importText(t.db, { actor: b.central, organizerId: b.organizer.id, text: pkg.json });
		const page = await getTool(t.db, { actor: b.reader, organizerId: b.organizer.id, toolId: imported.id, today: TODAY });
		expect(page.tool).toMatchObject({
			name: tool.name,
			vendor: 'Läsbolaget AB',
			storage: 'Sverige, Finland',
			yearlyCost: null,
			origin: {
				organizer: a.organizer.name,
				installation: 'https://rodtrad.a.se',
				keyId: installationA.keyId,
				decision: { outcome: 'approved_with_conditions', yearFrom: 1, yearTo: 6, conditions: 'Inga elevnamn i fritext' },
				agreements: [{ subProcessors: 'Hosting Oy (Finland)' }]
			}
		});
		// A's decision stays A's: B has no decision and no agreement of its own for the tool.
		expect(page.decisions).toEqual([]);
		expect(page.agreements).toEqual([]);
		expect(await t.db.select().from(appDecisions).where(eq(appDecisions.toolId, imported.id))).toEqual([]);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, imported.id), eq(auditEvents.action, 'app_tool.import_package')));
		expect(audit.organizerId).toBe(b.organizer.id);

		// A second import of the same review is refused with a message, and changes nothing.
		const again = await caught(importText(t.db, { actor: b.central, organizerId: b.organizer.id, text: pkg.json }));
		expect([again.code, again.issues]).toEqual(['CONFLICT', [{ field: 'file', message: 'apps_package_error_exists' }]]);
		expect((await previewReviewPackage(t.db, { actor: b.central, organizerId: b.organizer.id, text: pkg.json })).existingToolId).toBe(
			imported.id
		);
	});

	it('refuses a tampered package, a re-signed forgery that does not fit, and a file that is no package', async () => {
		const { pkg } = await reviewed();
		const b = await setup();
		const base = { actor: b.central, organizerId: b.organizer.id };
		const file = JSON.parse(pkg.json);
		const tampered = JSON.stringify({ ...file, body: { ...file.body, decision: { ...file.body.decision, conditions: '' } } });
		const e = await caught(importText(t.db, { ...base, text: tampered }));
		expect([e.code, e.issues]).toEqual(['INVALID', [{ field: 'file', message: 'apps_package_error_signature' }]]);
		const otherKey = signingKey(keyringOf(randomBytes(32)));
		const swapped = JSON.stringify({ ...file, signature: { ...file.signature, publicKey: otherKey.publicKey.toString('base64url') } });
		expect((await caught(previewReviewPackage(t.db, { ...base, text: swapped }))).issues[0].message).toBe('apps_package_error_signature');
		expect((await caught(previewReviewPackage(t.db, { ...base, text: '{"inte":"ett paket"}' }))).issues[0].message).toBe(
			'apps_package_error_format'
		);
		expect((await caught(previewReviewPackage(t.db, { ...base, text: 'inte json' }))).issues[0].message).toBe('apps_package_error_format');
		expect((await caught(previewReviewPackage(t.db, { ...base, text: '' }))).issues[0].message).toBe('imports_file_no_file');
		expect(await toolsOf(b.organizer.id)).toEqual([]);
	});

	it('lets only the register managers export and import; another organizer cannot export A’s tool', async () => {
		const { a, tool, pkg } = await reviewed();
		const b = await setup();
		const exportAs = (actor: typeof a.central, organizerId: string) =>
			caught(buildReviewPackage(t.db, { actor, organizerId, toolId: tool.id, installation: 'x', key: installationA }));
		expect((await exportAs(a.reader, a.organizer.id)).code).toBe('FORBIDDEN');
		expect((await exportAs(b.central, b.organizer.id)).code).toBe('NOT_FOUND');
		expect((await exportAs(b.central, a.organizer.id)).code).toBe('FORBIDDEN');
		expect((await caught(importText(t.db, { actor: b.reader, organizerId: b.organizer.id, text: pkg.json }))).code).toBe('FORBIDDEN');
		expect((await caught(previewReviewPackage(t.db, { actor: a.central, organizerId: b.organizer.id, text: pkg.json }))).code).toBe(
			'FORBIDDEN'
		);
	});
});
