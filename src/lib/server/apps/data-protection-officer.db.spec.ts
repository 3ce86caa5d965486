// Covers: the data protection officer in the apps area (decision 057): reads everything, comments, decides nothing.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildAgreement, buildOrganizer, buildTool, buildUnit } from '../../../../tests/factories';
import { auditEvents } from '../db/schema';
import { can } from '../policies';
import { addReviewComment } from './add-review-comment';
import { attachAgreementFile } from './attach-agreement-file';
import { decideTool } from './decide-tool';
import { getAgreementFile } from './get-agreement-file';
import { getTool } from './get-tool';

const t = useTestDatabase();
const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as { code: string; issues: { field: string; message: string }[] };

describe('the data protection officer', () => {
	it('reads the register, agreements and their files, comments on a review, and decides or changes nothing', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const dpo = await buildActor(t.db, [{ role: 'data_protection_officer', organizerId: organizer.id }], { name: 'Dagny Ombud' });
		const central = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: organizer.id }]);
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
		const apps = { type: 'apps' as const, organizerId: organizer.id };
		expect(['apps.whitelist', 'apps.register', 'apps.comment'].every((a) => can(dpo, a as 'apps.register', apps))).toBe(true);
		expect(can(dpo, 'apps.manage', apps)).toBe(false);
		expect(can(dpo, 'apps.request', apps)).toBe(false);
		expect(can(teacher, 'apps.comment', apps)).toBe(false);

		const tool = await buildTool(t.db, { organizerId: organizer.id });
		const agreement = await buildAgreement(t.db, { organizerId: organizer.id, toolId: tool.id, createdBy: central.personId });
		const file = await attachAgreementFile(t.db, {
			actor: central,
			organizerId: organizer.id,
			toolId: tool.id,
			agreementId: agreement.id,
			file: { name: 'avtal.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nx\n') }
		});
		expect((await getAgreementFile(t.db, { actor: dpo, organizerId: organizer.id, toolId: tool.id, fileId: file.id })).fileName).toBe(
			'avtal.pdf'
		);

		const base = { organizerId: organizer.id, toolId: tool.id };
		await addReviewComment(t.db, { ...base, actor: dpo, body: '  Lagring i tredje land behöver en konsekvensbedömning.  ' });
		expect((await caught(addReviewComment(t.db, { ...base, actor: dpo, body: '   ' }))).issues).toEqual([
			{ field: 'body', message: 'apps_error_comment' }
		]);
		expect((await caught(addReviewComment(t.db, { ...base, actor: teacher, body: 'Hej' }))).code).toBe('FORBIDDEN');
		const page = await getTool(t.db, { ...base, actor: dpo });
		expect(page.comments).toEqual([
			expect.objectContaining({ body: 'Lagring i tredje land behöver en konsekvensbedömning.', authorName: 'Dagny Ombud' })
		]);
		expect(page).toMatchObject({ canComment: true, canManage: false });
		expect(page.decisions).toEqual([]);
		const [audit] = await t.db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, tool.id), eq(auditEvents.action, 'app_tool.comment')));
		expect(audit.changes).toMatchObject({ length: [null, 'Lagring i tredje land behöver en konsekvensbedömning.'.length] });

		const decide = await caught(
			decideTool(t.db, { ...base, actor: dpo, input: { outcome: 'approved', decisionForms: ['compulsory'], schoolForms: ['compulsory'] } })
		);
		expect(decide.code).toBe('FORBIDDEN');
	});
});
