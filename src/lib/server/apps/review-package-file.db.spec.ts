// Covers: buildReviewPackage (includeFile, classification), stageReviewPackage, getStagedPackage, previewReviewPackage,
// importReviewPackage with an agreement file, readReviewPackage's file checks, getAgreementFile for a file of their agreement.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildAgreement, buildOrganizer, buildTool } from '../../../../tests/factories';
import { appOriginAgreementFiles, appTools, auditEvents, importBatches } from '../db/schema';
import { keyringOf } from '../crypto/secrets';
import { signBody, signingKey } from '../crypto/package-signing';
import { attachAgreementFile } from './attach-agreement-file';
import { buildReviewPackage } from './build-review-package';
import { classifyTool } from './classify-tool';
import { getAgreementFile } from './get-agreement-file';
import { getTool } from './get-tool';
import { importReviewPackage, previewReviewPackage } from './import-review-package';
import { PACKAGE_KIND } from './review-package';
import { stageReviewPackage } from './stage-review-package';

const t = useTestDatabase();
const installationA = signingKey(keyringOf(randomBytes(32)));
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Title (PUB-avtal Läsfixaren) >>\nendobj\n%%EOF\n');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as { code: string; issues: { field: string; message: string }[] };

async function organizer() {
	const org = await buildOrganizer(t.db);
	const on = (role: 'central_technical_support' | 'reader') => buildActor(t.db, [{ role, organizerId: org.id, unitId: null }]);
	return { org, central: await on('central_technical_support'), reader: await on('reader') };
}

/** Organizer A's reviewed tool: an agreement with its signed PDF, a classification with rationales. */
async function reviewed() {
	const a = await organizer();
	const tool = await buildTool(t.db, {
		organizerId: a.org.id,
		name: `Läsfixaren ${randomBytes(3).toString('hex')}`,
		vendor: 'Läsbolaget AB'
	});
	const older = await buildAgreement(t.db, {
		organizerId: a.org.id,
		toolId: tool.id,
		createdBy: a.central.personId,
		validFrom: '2023-01-01',
		validTo: '2024-12-31'
	});
	const current = await buildAgreement(t.db, {
		organizerId: a.org.id,
		toolId: tool.id,
		createdBy: a.central.personId,
		validFrom: '2025-01-01'
	});
	const ids = { actor: a.central, organizerId: a.org.id, toolId: tool.id };
	await attachAgreementFile(t.db, { ...ids, agreementId: current.id, file: { name: 'PUB-avtal.pdf', bytes: PDF } });
	await attachAgreementFile(t.db, {
		...ids,
		agreementId: older.id,
		file: { name: 'gammalt.pdf', bytes: new TextEncoder().encode('%PDF-1.4\ngammalt\n') }
	});
	await classifyTool(t.db, {
		...ids,
		input: {
			confidentiality: '2',
			integrity: '1',
			availability: '1',
			traceability: '2',
			confidentialityRationale: 'Elevers läsloggar',
			traceabilityRationale: 'Vem som läst vad ska gå att följa'
		}
	});
	const exportPackage = (includeFile: boolean) =>
		buildReviewPackage(t.db, { ...ids, installation: 'https://rodtrad.a.se', includeFile, key: installationA });
	return { a, tool, exportPackage };
}

const stage = (b: Awaited<ReturnType<typeof organizer>>, text: string) =>
	stageReviewPackage(t.db, { actor: b.central, organizerId: b.org.id, fileName: 'granskning.json', bytes: new TextEncoder().encode(text) });
const batchesOf = (organizerId: string) =>
	t.db
		.select()
		.from(importBatches)
		.where(and(eq(importBatches.organizerId, organizerId), eq(importBatches.kind, 'review_package')));

describe('a review package with the agreement file', () => {
	it('carries the file only when chosen, signed with the rest; the importer gets it beside their agreement', async () => {
		const { a, tool, exportPackage } = await reviewed();
		const without = JSON.parse((await exportPackage(false)).json);
		expect(without.body.extensions.agreementFile).toBeUndefined();
		// The classification travels with its rationales, never the assessor's name.
		expect(without.body.extensions.classification).toMatchObject({
			confidentiality: 2,
			traceability: 2,
			confidentialityRationale: 'Elevers läsloggar'
		});

		const pkg = await exportPackage(true);
		const file = JSON.parse(pkg.json);
		// The file in force of the newest agreement: the first one listed.
		expect(file.body.extensions.agreementFile).toMatchObject({
			agreement: 0,
			fileName: 'PUB-avtal.pdf',
			size: PDF.length,
			sha256: sha(PDF)
		});
		const [exported] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, tool.id), eq(auditEvents.action, 'app_tool.export_package')))
			.orderBy(auditEvents.createdAt)
			.limit(1)
			.offset(1);
		expect(exported.changes).toMatchObject({ file: sha(PDF) });

		const b = await organizer();
		const { id } = await stage(b, pkg.json);
		const preview = await previewReviewPackage(t.db, { actor: b.central, organizerId: b.org.id, batchId: id });
		expect(preview.agreementFile).toMatchObject({ agreement: 0, fileName: 'PUB-avtal.pdf', sha256: sha(PDF) });
		expect(preview.classification).toMatchObject({ confidentiality: 2, integrity: 1, availability: 1, traceability: 2 });

		const imported = await importReviewPackage(t.db, { actor: b.central, organizerId: b.org.id, batchId: id });
		const page = await getTool(t.db, { actor: b.reader, organizerId: b.org.id, toolId: imported.id });
		expect(page.tool.origin).toMatchObject({
			organizer: a.org.name,
			keyId: installationA.keyId,
			classification: { traceabilityRationale: 'Vem som läst vad ska gå att följa' }
		});
		expect(page.agreements).toEqual([]);
		expect(page.originFiles).toEqual([
			{ id: expect.any(String), agreementIndex: 0, fileName: 'PUB-avtal.pdf', size: PDF.length, sha256: sha(PDF) }
		]);
		const download = await getAgreementFile(t.db, {
			actor: b.reader,
			organizerId: b.org.id,
			toolId: imported.id,
			fileId: page.originFiles[0].id
		});
		expect(new Uint8Array(download.content)).toEqual(PDF);
		// Their file is B's to read, not A's: another organizer gets nothing.
		expect(
			(
				await caught(
					getAgreementFile(t.db, { actor: a.reader, organizerId: a.org.id, toolId: imported.id, fileId: page.originFiles[0].id })
				)
			).code
		).toBe('NOT_FOUND');

		// The staged package is used up: its text dropped, a second confirmation finds nothing.
		const [batch] = (await batchesOf(b.org.id)).filter((x) => x.id === id);
		expect([batch.status, batch.content]).toEqual(['done', '']);
		expect((await caught(importReviewPackage(t.db, { actor: b.central, organizerId: b.org.id, batchId: id }))).code).toBe('NOT_FOUND');
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, imported.id), eq(auditEvents.action, 'app_tool.import_package')));
		expect(audit.changes).toMatchObject({ file: [null, sha(PDF)] });
	});

	it('refuses a package whose file or its metadata was changed, or whose file does not match its own hash, and keeps nothing', async () => {
		const { exportPackage } = await reviewed();
		const file = JSON.parse((await exportPackage(true)).json);
		const b = await organizer();
		const withPart = (part: Record<string, unknown>) =>
			JSON.stringify({
				...file,
				body: { ...file.body, extensions: { ...file.body.extensions, agreementFile: { ...file.body.extensions.agreementFile, ...part } } }
			});
		const other = new TextEncoder().encode('%PDF-1.7\nett annat avtal\n');
		const refusal = async (text: string) => (await caught(stage(b, text))).issues;

		// Changed after signing: the bytes, the name, the hash, the agreement it belongs to.
		const signature = [{ field: 'file', message: 'apps_package_error_signature' }];
		expect(await refusal(withPart({ content: Buffer.from(other).toString('base64') }))).toEqual(signature);
		expect(await refusal(withPart({ fileName: 'annat.pdf' }))).toEqual(signature);
		expect(await refusal(withPart({ sha256: sha(other) }))).toEqual(signature);
		expect(await refusal(withPart({ agreement: 1 }))).toEqual(signature);

		// Signed as it is, but the bytes are not what the hash names, or not a PDF: refused all the same.
		const resigned = (part: Record<string, unknown>) => {
			const body = {
				...file.body,
				extensions: { ...file.body.extensions, agreementFile: { ...file.body.extensions.agreementFile, ...part } }
			};
			return JSON.stringify({ format: PACKAGE_KIND, body, signature: signBody(PACKAGE_KIND, body, installationA) });
		};
		const fileError = [{ field: 'file', message: 'apps_package_error_file' }];
		expect(await refusal(resigned({ content: Buffer.from(other).toString('base64') }))).toEqual(fileError);
		const html = new TextEncoder().encode('<html>inte ett avtal</html>');
		expect(await refusal(resigned({ content: Buffer.from(html).toString('base64'), size: html.length, sha256: sha(html) }))).toEqual(
			fileError
		);
		expect(await refusal(resigned({ agreement: 5 }))).toEqual(fileError);
		expect(await batchesOf(b.org.id)).toEqual([]);

		// A package changed while it waited for the confirmation is refused there, and nothing is written.
		const { id } = await stage(b, JSON.stringify(file));
		await t.db
			.update(importBatches)
			.set({ content: withPart({ fileName: 'utbytt.pdf' }) })
			.where(eq(importBatches.id, id));
		const e = await caught(importReviewPackage(t.db, { actor: b.central, organizerId: b.org.id, batchId: id }));
		expect([e.code, e.issues]).toEqual(['INVALID', signature]);
		expect(await t.db.select().from(appTools).where(eq(appTools.organizerId, b.org.id))).toEqual([]);
		expect(await t.db.select().from(appOriginAgreementFiles).where(eq(appOriginAgreementFiles.organizerId, b.org.id))).toEqual([]);
	});

	it('keeps a staged package to its organizer and the register managers', async () => {
		const { exportPackage } = await reviewed();
		const pkg = await exportPackage(true);
		const b = await organizer();
		const c = await organizer();
		const { id } = await stage(b, pkg.json);
		expect((await caught(previewReviewPackage(t.db, { actor: c.central, organizerId: c.org.id, batchId: id }))).code).toBe('NOT_FOUND');
		expect((await caught(importReviewPackage(t.db, { actor: b.reader, organizerId: b.org.id, batchId: id }))).code).toBe('FORBIDDEN');
		expect((await caught(previewReviewPackage(t.db, { actor: b.central, organizerId: b.org.id, batchId: 'inte-ett-id' }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await caught(stage({ ...b, central: b.reader }, pkg.json))).code).toBe('FORBIDDEN');
	});
});
