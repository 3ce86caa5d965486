// Covers: attachAgreementFile, getAgreementFile, getTool's files, checkAgreementFile.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildAgreement, buildOrganizer, buildTool, buildUnit } from '../../../../tests/factories';
import { appAgreementFiles, auditEvents } from '../db/schema';
import { attachAgreementFile } from './attach-agreement-file';
import { getAgreementFile } from './get-agreement-file';
import { getTool } from './get-tool';
import { MAX_AGREEMENT_FILE_BYTES } from './agreement-file';

const t = useTestDatabase();

const pdf = (text: string, name = 'avtal.pdf') => ({ name, bytes: new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`) });
const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as { code: string; issues: { field: string; message: string }[] };

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const on = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = null) =>
		buildActor(t.db, [{ role, organizerId: organizer.id, unitId }]);
	const central = await on('central_technical_support');
	const tool = await buildTool(t.db, { organizerId: organizer.id, personalData: true });
	const agreement = await buildAgreement(t.db, { organizerId: organizer.id, toolId: tool.id, createdBy: central.personId });
	return { organizer, tool, agreement, central, principal: await on('principal', unit.id), teacher: await on('staff', unit.id) };
}

describe('the signed agreement as a file', () => {
	it('attaches a PDF, keeps the earlier one when replaced, and lets the register readers download both', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id, toolId: s.tool.id, agreementId: s.agreement.id };
		const first = await attachAgreementFile(t.db, { ...base, file: pdf('första', 'PUB avtal.html') });
		expect(first.fileName).toBe('PUB avtal.pdf');
		const second = await attachAgreementFile(t.db, { ...base, file: pdf('andra', 'PUB-avtal 2026.pdf') });

		const page = await getTool(t.db, { actor: s.principal, organizerId: s.organizer.id, toolId: s.tool.id });
		const [a] = page.agreements;
		expect(a.file).toMatchObject({ id: second.id, fileName: 'PUB-avtal 2026.pdf', replacedAt: null });
		expect(a.earlierFiles.map((f) => f.id)).toEqual([first.id]);
		expect(a.file).not.toHaveProperty('content');

		const old = await getAgreementFile(t.db, { actor: s.principal, organizerId: s.organizer.id, toolId: s.tool.id, fileId: first.id });
		expect(old.content.toString()).toContain('första');
		expect(old.contentType).toBe('application/pdf');

		const audits = await t.db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, s.tool.id), eq(auditEvents.action, 'app_agreement.attach_file')))
			.orderBy(auditEvents.createdAt);
		expect(audits.map((x) => x.changes)).toEqual([
			expect.objectContaining({ file: [null, 'PUB avtal.pdf'] }),
			expect.objectContaining({ file: ['PUB avtal.pdf', 'PUB-avtal 2026.pdf'] })
		]);
	});

	it('refuses what is not a PDF, too large or missing, beside the field, and writes nothing', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id, toolId: s.tool.id, agreementId: s.agreement.id };
		const message = async (file: { name: string; bytes: Uint8Array } | null) =>
			(await caught(attachAgreementFile(t.db, { ...base, file }))).issues;
		expect(await message({ name: 'avtal.pdf', bytes: new TextEncoder().encode('<html>inte en pdf</html>') })).toEqual([
			{ field: 'file', message: 'apps_error_file_not_pdf' }
		]);
		const big = new Uint8Array(MAX_AGREEMENT_FILE_BYTES + 1);
		big.set(new TextEncoder().encode('%PDF-1.7'));
		expect(await message({ name: 'stor.pdf', bytes: big })).toEqual([{ field: 'file', message: 'apps_error_file_too_large' }]);
		expect(await message(null)).toEqual([{ field: 'file', message: 'apps_error_file_missing' }]);
		const rows = await t.db.select().from(appAgreementFiles).where(eq(appAgreementFiles.agreementId, s.agreement.id));
		expect(rows).toEqual([]);
	});

	it('keeps files to those who read agreements and to the tool they belong to', async () => {
		const s = await setup();
		const other = await setup();
		const file = await attachAgreementFile(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			toolId: s.tool.id,
			agreementId: s.agreement.id,
			file: pdf('hemligt')
		});
		const read = (actor: typeof s.central, organizerId = s.organizer.id, toolId = s.tool.id) =>
			caught(getAgreementFile(t.db, { actor, organizerId, toolId, fileId: file.id }));
		expect((await read(s.teacher)).code).toBe('FORBIDDEN');
		expect((await read(other.central, other.organizer.id, other.tool.id)).code).toBe('NOT_FOUND');
		const elsewhere = await buildTool(t.db, { organizerId: s.organizer.id });
		expect((await read(s.central, s.organizer.id, elsewhere.id)).code).toBe('NOT_FOUND');
		// Only the register's managers attach, and only to an agreement of the tool named.
		const attach = (actor: typeof s.central, agreementId: string) =>
			caught(attachAgreementFile(t.db, { actor, organizerId: s.organizer.id, toolId: s.tool.id, agreementId, file: pdf('x') }));
		expect((await attach(s.principal, s.agreement.id)).code).toBe('FORBIDDEN');
		expect((await attach(s.central, other.agreement.id)).code).toBe('NOT_FOUND');
	});
});
