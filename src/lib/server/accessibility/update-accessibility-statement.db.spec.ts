// Covers: updateAccessibilityStatement, getAccessibilityStatement, findAccessibilityStatements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { accessibilityStatements, auditEvents } from '../db/schema';
import { updateAccessibilityStatement } from './update-accessibility-statement';
import { getAccessibilityStatement } from './get-accessibility-statement';
import { findAccessibilityStatements } from './find-accessibility-statements';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const today = '2026-11-23';
const good = {
	complianceStatus: 'partial',
	nonCompliantContent: 'Diagrammen saknar textalternativ.',
	disproportionateBurden: '',
	feedbackContact: 'tillganglighet@exempel.se',
	testMethod: 'Egen granskning med skärmläsare.',
	preparedOn: '2026-11-01',
	reviewedOn: ''
};

async function organizerWithStatement() {
	const org = await buildOrganizer(h.db);
	await h.db.insert(accessibilityStatements).values({ organizerId: org.id });
	const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
	return { org, admin };
}

const auditRows = (organizerId: string) =>
	h.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.action, 'statement.update')));

describe('updating the accessibility statement', () => {
	it('saves the statement and audits each changed field with its value before and after', async () => {
		const { org, admin } = await organizerWithStatement();
		await updateAccessibilityStatement(h.db, { actor: admin, organizerId: org.id, input: good, today });

		const saved = await getAccessibilityStatement(h.db, { organizerId: org.id });
		expect(saved).toMatchObject({ ...good, reviewedOn: null });
		const [audit] = await auditRows(org.id);
		expect(audit.actorId).toBe(admin.personId);
		expect(audit.entityType).toBe('accessibility_statement');
		expect(audit.changes).toEqual({
			nonCompliantContent: ['', good.nonCompliantContent],
			feedbackContact: ['', good.feedbackContact],
			testMethod: ['', good.testMethod],
			preparedOn: [null, '2026-11-01']
		});

		await updateAccessibilityStatement(h.db, {
			actor: admin,
			organizerId: org.id,
			input: { ...good, complianceStatus: 'full', reviewedOn: today },
			today
		});
		const all = await auditRows(org.id);
		expect(all.map((r) => r.changes)).toContainEqual({ complianceStatus: ['partial', 'full'], reviewedOn: [null, today] });
	});

	it('writes nothing, not even an audit row, when nothing changed', async () => {
		const { org, admin } = await organizerWithStatement();
		await updateAccessibilityStatement(h.db, { actor: admin, organizerId: org.id, input: good, today });
		const r = await updateAccessibilityStatement(h.db, {
			actor: admin,
			organizerId: org.id,
			input: { ...good, feedbackContact: ` ${good.feedbackContact} ` },
			today
		});
		expect(r.changed).toBe(false);
		expect(await auditRows(org.id)).toHaveLength(1);
	});

	it('creates the row for an organizer that had none', async () => {
		const org = await buildOrganizer(h.db);
		const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
		expect((await getAccessibilityStatement(h.db, { organizerId: org.id })).feedbackContact).toBe('');
		await updateAccessibilityStatement(h.db, { actor: admin, organizerId: org.id, input: good, today });
		expect((await getAccessibilityStatement(h.db, { organizerId: org.id })).feedbackContact).toBe(good.feedbackContact);
		expect((await auditRows(org.id))[0].changes).toMatchObject({ complianceStatus: [null, 'partial'] });
	});

	it('refuses bad dates, a missing contact, an unknown status and over-long text, and changes nothing', async () => {
		const { org, admin } = await organizerWithStatement();
		const before = await getAccessibilityStatement(h.db, { organizerId: org.id });
		const attempt = (input: Record<string, string>) =>
			updateAccessibilityStatement(h.db, { actor: admin, organizerId: org.id, input: { ...good, ...input }, today }).catch((e) => e);

		const e1 = await attempt({ complianceStatus: 'mostly', feedbackContact: ' ', preparedOn: '2026-02-30', reviewedOn: '2027-01-01' });
		expect(e1.code).toBe('INVALID');
		expect(e1.issues).toEqual([
			{ field: 'complianceStatus', message: 'audit_error_compliance' },
			{ field: 'feedbackContact', message: 'audit_error_contact_required' },
			{ field: 'preparedOn', message: 'audit_error_date' },
			{ field: 'reviewedOn', message: 'audit_error_date_future' }
		]);
		expect((await attempt({ preparedOn: '' })).issues).toEqual([{ field: 'preparedOn', message: 'audit_error_prepared_required' }]);
		expect((await attempt({ reviewedOn: '2026-10-01' })).issues).toEqual([
			{ field: 'reviewedOn', message: 'audit_error_reviewed_before_prepared' }
		]);
		expect((await attempt({ testMethod: 'x'.repeat(5001) })).issues).toEqual([{ field: 'testMethod', message: 'error_too_long' }]);

		expect(await getAccessibilityStatement(h.db, { organizerId: org.id })).toEqual(before);
		expect(await auditRows(org.id)).toHaveLength(0);
	});

	it('asks for known shortcomings unless fully compliant, and for a contact that reaches someone, all at once', async () => {
		const { org, admin } = await organizerWithStatement();
		const attempt = (input: Record<string, string>) =>
			updateAccessibilityStatement(h.db, { actor: admin, organizerId: org.id, input: { ...good, ...input }, today }).catch((e) => e);
		const e = await attempt({ nonCompliantContent: '  ', feedbackContact: 'Ring rektor', preparedOn: '' });
		expect(e.issues).toEqual([
			{ field: 'nonCompliantContent', message: 'exports_statement_shortcomings_required' },
			{ field: 'feedbackContact', message: 'exports_statement_contact_kind' },
			{ field: 'preparedOn', message: 'audit_error_prepared_required' }
		]);
		expect((await attempt({ complianceStatus: 'none', nonCompliantContent: '' })).issues).toEqual([
			{ field: 'nonCompliantContent', message: 'exports_statement_shortcomings_required' }
		]);
		expect(await auditRows(org.id)).toHaveLength(0);

		for (const feedbackContact of ['08-123 456 78', '+46 8 123 45 678', 'https://exempel.se/kontakt', 'Skriv till oss: a@b.se'])
			expect((await attempt({ feedbackContact })).changed, feedbackContact).toBeDefined();
		expect((await attempt({ complianceStatus: 'full', nonCompliantContent: '' })).changed).toBe(true);
	});

	it('is only for the organizer’s own administrators', async () => {
		const { org } = await organizerWithStatement();
		const other = await organizerWithStatement();
		const leader = await buildActor(h.db, [{ role: 'leadership', organizerId: org.id }]);
		for (const actor of [leader, other.admin]) {
			const e = await updateAccessibilityStatement(h.db, { actor, organizerId: org.id, input: good, today }).catch((x) => x);
			expect(e.code).toBe('FORBIDDEN');
		}
		expect((await getAccessibilityStatement(h.db, { organizerId: org.id })).feedbackContact).toBe('');
	});
});

describe('the public list of statements', () => {
	it('lists every organizer in Swedish order, with the default status when no row exists', async () => {
		await buildOrganizer(h.db, { name: 'Örby skolor', slug: 'orby' });
		await buildOrganizer(h.db, { name: 'Åby kommun', slug: 'aby' });
		await buildOrganizer(h.db, { name: 'Ärla friskola', slug: 'arla' });
		const names = (await findAccessibilityStatements(h.db)).map((s) => s.name).filter((n) => /^[ÅÄÖ]/.test(n));
		expect(names).toEqual(['Åby kommun', 'Ärla friskola', 'Örby skolor']);
		expect((await findAccessibilityStatements(h.db)).find((s) => s.slug === 'aby')?.complianceStatus).toBe('partial');
	});
});
