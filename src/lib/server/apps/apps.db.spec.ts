// Covers: saveTool, addAgreement, decideTool, findRegister, findWhitelist, getTool, listOwnerOptions.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildAgreement, buildOrganizer, buildTool, buildUnit } from '../../../../tests/factories';
import { appDecisions, appTools, auditEvents } from '../db/schema';
import { addAgreement } from './add-agreement';
import { decideTool } from './decide-tool';
import { findRegister } from './find-register';
import { findWhitelist } from './find-whitelist';
import { getTool } from './get-tool';
import { saveTool } from './save-tool';

const t = useTestDatabase();
const TODAY = '2026-12-03';

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const on = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = null, organizerId = organizer.id) =>
		buildActor(t.db, [{ role, organizerId, unitId }]);
	return {
		organizer,
		unit,
		central: await on('central_pedagogical_support'),
		principal: await on('principal', unit.id),
		teacher: await on('staff', unit.id),
		student: await on('student', unit.id)
	};
}

const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as { code: string; issues: { field: string; message: string }[] };
const toolForm = (o: Record<string, unknown> = {}) => ({
	name: 'Skrivstöd Pro',
	vendor: 'Ordverkstan AB',
	kind: 'app',
	signIn: 'sso',
	personalData: 'on',
	...o
});

describe('the register of digital tools', () => {
	it('adds a tool, refuses a second of the same name whatever the case, and audits the change of an edit', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		const tool = await saveTool(t.db, {
			...base,
			input: toolForm({ schoolForms: ['compulsory'], yearlyCost: '12 000', yearFrom: 'f', yearTo: '3' })
		});
		expect(tool).toMatchObject({
			name: 'Skrivstöd Pro',
			personalData: true,
			schoolForms: ['compulsory'],
			yearFrom: 0,
			yearTo: 3,
			yearlyCost: 12000
		});

		const dup = await caught(saveTool(t.db, { ...base, input: toolForm({ name: '  skrivstöd  pro ' }) }));
		expect(dup.code).toBe('CONFLICT');
		expect(dup.issues).toEqual([{ field: 'name', message: 'apps_error_duplicate' }]);

		await saveTool(t.db, { ...base, toolId: tool.id, input: toolForm({ personalData: undefined, vendor: 'Ordverkstan' }) });
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, tool.id), eq(auditEvents.action, 'app_tool.update')));
		expect(audit.changes).toMatchObject({ personalData: [true, false], vendor: ['Ordverkstan AB', 'Ordverkstan'] });
	});

	it('says what is wrong beside each field and writes nothing', async () => {
		const s = await setup();
		const e = await caught(
			saveTool(t.db, {
				actor: s.central,
				organizerId: s.organizer.id,
				input: toolForm({ name: ' ', kind: 'spel', url: 'javascript:alert(1)', yearlyCost: '12,5', schoolForms: ['universitet'] })
			})
		);
		expect(e.code).toBe('INVALID');
		expect(e.issues.map((i) => i.field).sort()).toEqual(['kind', 'name', 'schoolForms', 'url', 'yearlyCost'].sort());
		// Year groups: F or 1–9, and not backwards.
		const years = await caught(
			saveTool(t.db, { actor: s.central, organizerId: s.organizer.id, input: toolForm({ yearFrom: '10', yearTo: 'x' }) })
		);
		expect(years.issues.map((i) => i.field).sort()).toEqual(['yearFrom', 'yearTo']);
		const backwards = await caught(
			saveTool(t.db, { actor: s.central, organizerId: s.organizer.id, input: toolForm({ yearFrom: '7', yearTo: '4' }) })
		);
		expect(backwards.issues).toEqual([{ field: 'yearTo', message: 'apps_error_years_order' }]);
		expect(await t.db.select().from(appTools).where(eq(appTools.organizerId, s.organizer.id))).toEqual([]);
		// An owner must hold a leading or central role here: a teacher may not own a tool in the register.
		const owner = await caught(
			saveTool(t.db, { actor: s.central, organizerId: s.organizer.id, input: toolForm({ ownerId: s.teacher.personId }) })
		);
		expect(owner.issues).toEqual([{ field: 'ownerId', message: 'apps_error_owner' }]);
		expect(
			(await saveTool(t.db, { actor: s.central, organizerId: s.organizer.id, input: toolForm({ ownerId: s.principal.personId }) })).ownerId
		).toBe(s.principal.personId);
	});

	it('lets only central support and administrators keep the register, and never another organizer’s tool', async () => {
		const s = await setup();
		for (const actor of [s.principal, s.teacher])
			expect((await caught(saveTool(t.db, { actor, organizerId: s.organizer.id, input: toolForm() }))).code).toBe('FORBIDDEN');
		const other = await buildOrganizer(t.db);
		const foreign = await buildTool(t.db, { organizerId: other.id });
		expect(
			(
				await caught(
					addAgreement(t.db, {
						actor: s.central,
						organizerId: s.organizer.id,
						toolId: foreign.id,
						input: { signer: 'X', validFrom: TODAY }
					})
				)
			).code
		).toBe('NOT_FOUND');
		expect(
			(
				await caught(
					decideTool(t.db, {
						actor: s.central,
						organizerId: s.organizer.id,
						toolId: foreign.id,
						input: { outcome: 'refused', reasons: 'Nej' }
					})
				)
			).code
		).toBe('NOT_FOUND');
		expect((await caught(getTool(t.db, { actor: s.principal, organizerId: s.organizer.id, toolId: foreign.id }))).code).toBe('NOT_FOUND');
		expect((await caught(getTool(t.db, { actor: s.central, organizerId: s.organizer.id, toolId: 'inte-ett-id' }))).code).toBe('NOT_FOUND');
	});
});

describe('agreements and decisions', () => {
	it('refuses an agreement that ends before it starts', async () => {
		const s = await setup();
		const tool = await buildTool(t.db, { organizerId: s.organizer.id });
		const e = await caught(
			addAgreement(t.db, {
				actor: s.central,
				organizerId: s.organizer.id,
				toolId: tool.id,
				input: { signer: 'Chefen', validFrom: '2026-08-01', validTo: '2026-07-31' }
			})
		);
		expect(e.issues).toEqual([{ field: 'validTo', message: 'apps_error_ends_before_start' }]);
		const bad = await caught(
			addAgreement(t.db, { actor: s.central, organizerId: s.organizer.id, toolId: tool.id, input: { signer: '', validFrom: '2026-02-30' } })
		);
		expect(bad.issues.map((i) => i.field).sort()).toEqual(['signer', 'validFrom']);
	});

	it('cannot approve a tool with personal data until an agreement covers today; a refusal needs no agreement', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id, today: TODAY };
		const tool = await buildTool(t.db, { organizerId: s.organizer.id, name: 'Klassrumskoll' });
		const approve = {
			outcome: 'approved_with_conditions',
			schoolForms: ['compulsory'],
			yearFrom: '4',
			yearTo: '9',
			conditions: 'Bara med skolkonto'
		};

		const none = await caught(decideTool(t.db, { ...base, toolId: tool.id, input: approve }));
		expect(none.issues).toEqual([{ field: 'outcome', message: 'apps_error_no_agreement' }]);
		// An agreement that has ended does not help either.
		await buildAgreement(t.db, {
			organizerId: s.organizer.id,
			toolId: tool.id,
			createdBy: s.central.personId,
			validFrom: '2024-01-01',
			validTo: '2026-06-30'
		});
		expect((await caught(decideTool(t.db, { ...base, toolId: tool.id, input: approve }))).issues[0].message).toBe(
			'apps_error_no_agreement'
		);
		expect(await t.db.select().from(appDecisions).where(eq(appDecisions.toolId, tool.id))).toEqual([]);

		await addAgreement(t.db, {
			...base,
			toolId: tool.id,
			input: { signer: 'Förvaltningschefen', validFrom: '2026-07-01', validTo: '2029-06-30' }
		});
		const decision = await decideTool(t.db, { ...base, toolId: tool.id, input: approve });
		expect(decision).toMatchObject({ outcome: 'approved_with_conditions', yearFrom: 4, yearTo: 9, conditions: 'Bara med skolkonto' });

		const noData = await buildTool(t.db, { organizerId: s.organizer.id, name: 'Miniräknare', personalData: false });
		expect(
			(await decideTool(t.db, { ...base, toolId: noData.id, input: { outcome: 'approved', schoolForms: ['compulsory'] } })).outcome
		).toBe('approved');
		const refused = await buildTool(t.db, { organizerId: s.organizer.id, name: 'Gratisappen' });
		expect(
			(await decideTool(t.db, { ...base, toolId: refused.id, input: { outcome: 'refused', reasons: 'Säljer data vidare' } })).outcome
		).toBe('refused');
	});

	it('asks for school forms, conditions, reasons and year groups in order', async () => {
		const s = await setup();
		const tool = await buildTool(t.db, { organizerId: s.organizer.id, personalData: false });
		const base = { actor: s.central, organizerId: s.organizer.id, toolId: tool.id };
		expect(
			(await caught(decideTool(t.db, { ...base, input: { outcome: 'approved_with_conditions', yearFrom: '7', yearTo: '3' } }))).issues.map(
				(i) => i.message
			)
		).toEqual(['apps_error_forms_needed', 'apps_error_conditions_needed', 'apps_error_years_order']);
		expect((await caught(decideTool(t.db, { ...base, input: { outcome: 'refused' } }))).issues).toEqual([
			{ field: 'reasons', message: 'apps_error_reasons_needed' }
		]);
		expect(
			(await caught(decideTool(t.db, { ...base, input: { outcome: 'approved', schoolForms: ['compulsory'], yearFrom: '10' } }))).issues[0]
				.field
		).toBe('yearFrom');
		expect(
			(await decideTool(t.db, { ...base, input: { outcome: 'approved', schoolForms: ['compulsory'], yearFrom: 'f', yearTo: '3' } }))
				.yearFrom
		).toBe(0);
	});
});

describe('what people see', () => {
	it('shows staff the decided tools with their terms, approved first, and found without å/ä/ö', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id, today: TODAY };
		const approved = await buildTool(t.db, { organizerId: s.organizer.id, name: 'Läslyftet Läsapp', personalData: false });
		const refused = await buildTool(t.db, { organizerId: s.organizer.id, name: 'Ärligt Chatt' });
		await buildTool(t.db, { organizerId: s.organizer.id, name: 'Ännu ej prövad' });
		await decideTool(t.db, { ...base, toolId: refused.id, input: { outcome: 'refused', reasons: 'Lagrar elevdata utanför EU' } });
		await decideTool(t.db, {
			...base,
			toolId: approved.id,
			input: { outcome: 'approved', schoolForms: ['compulsory'], yearFrom: '1', yearTo: '6' }
		});

		const all = await findWhitelist(t.db, { actor: s.teacher, organizerId: s.organizer.id });
		expect(all.map((e) => [e.name, e.outcome])).toEqual([
			['Läslyftet Läsapp', 'approved'],
			['Ärligt Chatt', 'refused']
		]);
		expect(all[1].reasons).toBe('Lagrar elevdata utanför EU');
		expect((await findWhitelist(t.db, { actor: s.teacher, organizerId: s.organizer.id, q: 'lasapp' })).map((e) => e.name)).toEqual([
			'Läslyftet Läsapp'
		]);
		expect((await caught(findWhitelist(t.db, { actor: s.student, organizerId: s.organizer.id }))).code).toBe('FORBIDDEN');

		// A later decision replaces the standing; the register still holds the history.
		await addAgreement(t.db, { ...base, toolId: refused.id, input: { signer: 'Chefen', validFrom: '2026-01-01' } });
		await decideTool(t.db, { ...base, toolId: refused.id, input: { outcome: 'approved', schoolForms: ['upper_secondary'] } });
		expect((await findWhitelist(t.db, { actor: s.teacher, organizerId: s.organizer.id, q: 'arligt' }))[0].outcome).toBe('approved');
		const page = await getTool(t.db, { actor: s.principal, organizerId: s.organizer.id, toolId: refused.id, today: TODAY });
		expect(page.decisions.map((d) => d.outcome)).toEqual(['approved', 'refused']);
		expect(page).toMatchObject({ canManage: false, mayApprove: true, agreement: { state: 'valid' } });
	});

	it('lists the register with each tool’s agreement state and filters it, for principals but not teachers', async () => {
		const s = await setup();
		const covered = await buildTool(t.db, { organizerId: s.organizer.id, name: 'Avtalad' });
		await buildAgreement(t.db, { organizerId: s.organizer.id, toolId: covered.id, createdBy: s.central.personId, validTo: '2027-01-15' });
		await buildTool(t.db, { organizerId: s.organizer.id, name: 'Utan avtal' });
		await buildTool(t.db, { organizerId: s.organizer.id, name: 'Inga personuppgifter', personalData: false });

		const r = await findRegister(t.db, { actor: s.principal, organizerId: s.organizer.id, today: TODAY });
		expect(r.rows.map((x) => [x.name, x.agreement])).toEqual([
			['Avtalad', 'expiring'],
			['Inga personuppgifter', 'not_needed'],
			['Utan avtal', 'missing']
		]);
		expect(r.counts).toEqual({ all: 3, undecided: 3, no_agreement: 1, expiring: 1 });
		expect(
			(await findRegister(t.db, { actor: s.principal, organizerId: s.organizer.id, filter: 'no_agreement', today: TODAY })).rows.map(
				(x) => x.name
			)
		).toEqual(['Utan avtal']);
		expect((await findRegister(t.db, { actor: s.principal, organizerId: s.organizer.id, q: 'avtal', today: TODAY })).rows.length).toBe(2);
		expect((await caught(findRegister(t.db, { actor: s.teacher, organizerId: s.organizer.id }))).code).toBe('FORBIDDEN');
	});
});
