// Covers: classifyTool, getToolClassification, findRequirements, saveRequirement, archiveRequirement, saveClassificationRules.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTool, buildUnit } from '../../../../tests/factories';
import { appClassifications, appRequirements, auditEvents } from '../db/schema';
import { archiveRequirement } from './archive-requirement';
import { classifyTool } from './classify-tool';
import { findRequirements } from './find-requirements';
import { getToolClassification } from './get-tool-classification';
import { SHIPPED_REQUIREMENTS } from './requirement-catalogue';
import { saveClassificationRules } from './save-classification-rules';
import { saveRequirement } from './save-requirement';

const t = useTestDatabase();

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const on = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = null) =>
		buildActor(t.db, [{ role, organizerId: organizer.id, unitId }]);
	return {
		organizer,
		central: await on('central_technical_support'),
		principal: await on('principal', unit.id),
		teacher: await on('staff', unit.id)
	};
}

const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as { code: string; issues: { field: string; message: string }[] };
const low = { confidentiality: '1', integrity: '0', availability: '1' };

describe('classifying a tool', () => {
	it('asks for traceability exactly when the tool handles personal data, and a rationale from level 2', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		const withData = await buildTool(t.db, { organizerId: s.organizer.id, personalData: true });
		const without = await buildTool(t.db, { organizerId: s.organizer.id, personalData: false });

		const missing = await caught(classifyTool(t.db, { ...base, toolId: withData.id, input: { ...low, confidentiality: '3' } }));
		expect(missing.code).toBe('INVALID');
		expect(missing.issues).toEqual([
			{ field: 'traceability', message: 'appsclass_error_traceability_needed' },
			{ field: 'confidentialityRationale', message: 'appsclass_error_rationale_needed' }
		]);
		const notAsked = await caught(classifyTool(t.db, { ...base, toolId: without.id, input: { ...low, traceability: '0' } }));
		expect(notAsked.issues).toEqual([{ field: 'traceability', message: 'appsclass_error_traceability_not_asked' }]);
		const rationaleOnly = await caught(
			classifyTool(t.db, { ...base, toolId: without.id, input: { ...low, traceabilityRationale: 'Loggas' } })
		);
		expect(rationaleOnly.issues[0].field).toBe('traceability');
		expect(await t.db.select().from(appClassifications).where(eq(appClassifications.organizerId, s.organizer.id))).toEqual([]);

		const row = await classifyTool(t.db, {
			...base,
			toolId: withData.id,
			input: { ...low, traceability: '2', traceabilityRationale: 'Elevers resultat syns för lärare.' }
		});
		expect(row).toMatchObject({ confidentiality: 1, integrity: 0, availability: 1, traceability: 2, assessedBy: s.central.personId });
		expect((await classifyTool(t.db, { ...base, toolId: without.id, input: low })).traceability).toBeNull();
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, withData.id), eq(auditEvents.action, 'app_tool.classify')));
		expect(audit.changes).toMatchObject({ confidentiality: [null, 1], traceability: [null, 2] });
	});

	it('refuses levels outside 0–4 beside the field', async () => {
		const s = await setup();
		const tool = await buildTool(t.db, { organizerId: s.organizer.id, personalData: false });
		const e = await caught(
			classifyTool(t.db, {
				actor: s.central,
				organizerId: s.organizer.id,
				toolId: tool.id,
				input: { confidentiality: '5', integrity: '-1', availability: 'hög' }
			})
		);
		expect(e.code).toBe('INVALID');
		expect(e.issues.map((i) => [i.field, i.message])).toEqual([
			['confidentiality', 'appsclass_error_level'],
			['integrity', 'appsclass_error_level'],
			['availability', 'appsclass_error_level']
		]);
		expect(
			(await caught(classifyTool(t.db, { actor: s.central, organizerId: s.organizer.id, toolId: tool.id, input: {} }))).issues.length
		).toBe(3);
	});

	it('keeps every classification, the latest being the current one', async () => {
		const s = await setup();
		const tool = await buildTool(t.db, { organizerId: s.organizer.id, personalData: false });
		const base = { actor: s.central, organizerId: s.organizer.id, toolId: tool.id };
		await classifyTool(t.db, { ...base, input: low });
		await classifyTool(t.db, { ...base, input: { ...low, availability: '3', availabilityRationale: 'Används vid varje lektion.' } });
		const page = await getToolClassification(t.db, { actor: s.principal, organizerId: s.organizer.id, toolId: tool.id });
		expect(page.current).toMatchObject({ availability: 3, availabilityRationale: 'Används vid varje lektion.' });
		expect(page.history.map((h) => h.availability)).toEqual([1]);
		expect(page.canManage).toBe(false);
	});

	it('lets only the register’s managers classify, and never another organizer’s tool', async () => {
		const s = await setup();
		const tool = await buildTool(t.db, { organizerId: s.organizer.id, personalData: false });
		expect((await caught(classifyTool(t.db, { actor: s.principal, organizerId: s.organizer.id, toolId: tool.id, input: low }))).code).toBe(
			'FORBIDDEN'
		);
		expect((await caught(getToolClassification(t.db, { actor: s.teacher, organizerId: s.organizer.id, toolId: tool.id }))).code).toBe(
			'FORBIDDEN'
		);
		const other = await buildOrganizer(t.db);
		const foreign = await buildTool(t.db, { organizerId: other.id, personalData: false });
		expect((await caught(classifyTool(t.db, { actor: s.central, organizerId: s.organizer.id, toolId: foreign.id, input: low }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await caught(getToolClassification(t.db, { actor: s.central, organizerId: s.organizer.id, toolId: foreign.id }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await caught(classifyTool(t.db, { actor: s.central, organizerId: s.organizer.id, toolId: 'x', input: low }))).code).toBe(
			'NOT_FOUND'
		);
	});
});

describe('requirements and the simplified review', () => {
	it('lists the requirements of the current levels and says whether the simplified review is enough', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		const tool = await buildTool(t.db, { organizerId: s.organizer.id, personalData: true });
		const before = await getToolClassification(t.db, { ...base, toolId: tool.id });
		expect(before).toMatchObject({ current: null, requirements: [], verdict: { qualifies: false, reasons: [{ kind: 'unclassified' }] } });

		await classifyTool(t.db, {
			...base,
			toolId: tool.id,
			input: {
				confidentiality: '3',
				confidentialityRationale: 'Elevernas texter kan röra hälsa.',
				integrity: '2',
				integrityRationale: 'Bedömningar bygger på texterna.',
				availability: '1',
				traceability: '2',
				traceabilityRationale: 'Vi behöver se vem som läst.'
			}
		});
		const page = await getToolClassification(t.db, { ...base, toolId: tool.id });
		expect(page.requirements.map((r) => r.id)).toEqual([
			'k2-roles',
			'k2-school-accounts',
			'k3-two-step',
			'k3-eu',
			'r2-change-log',
			's2-read-log'
		]);
		expect(page.verdict.qualifies).toBe(false);
		expect(page.verdict.reasons).toEqual([
			{ kind: 'above', aspect: 'confidentiality', level: 3, max: 1 },
			{ kind: 'above', aspect: 'integrity', level: 2, max: 1 },
			{ kind: 'above', aspect: 'traceability', level: 2, max: 1 }
		]);

		// The organizer's own rules: higher ceilings make the simplified review enough; excluding personal data does not.
		const rules = { enabled: 'on', maxConfidentiality: '3', maxIntegrity: '2', maxAvailability: '1', maxTraceability: '2' };
		await saveClassificationRules(t.db, { ...base, input: rules });
		expect((await getToolClassification(t.db, { ...base, toolId: tool.id })).verdict).toEqual({ qualifies: true, reasons: [] });
		await saveClassificationRules(t.db, { ...base, input: { ...rules, personalDataExcludes: 'on' } });
		expect((await getToolClassification(t.db, { ...base, toolId: tool.id })).verdict.reasons).toEqual([{ kind: 'personal_data' }]);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id), eq(auditEvents.action, 'app_classification_rules.update')));
		expect(audit.changes).toMatchObject({ maxConfidentiality: [1, 3] });
		expect((await caught(saveClassificationRules(t.db, { ...base, input: { ...rules, maxIntegrity: '7' } }))).issues).toEqual([
			{ field: 'maxIntegrity', message: 'appsclass_error_level' }
		]);
		expect((await caught(saveClassificationRules(t.db, { actor: s.principal, organizerId: s.organizer.id, input: rules }))).code).toBe(
			'FORBIDDEN'
		);
	});

	it('copies the shipped catalogue on the first change, then edits, adds and archives the organizer’s own', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id };
		const shipped = await findRequirements(t.db, { actor: s.principal, organizerId: s.organizer.id });
		expect(shipped).toMatchObject({ own: false, canManage: false });
		expect(shipped.entries.length).toBe(SHIPPED_REQUIREMENTS.length);

		const changed = await saveRequirement(t.db, {
			...base,
			entryId: 'k3-two-step',
			input: { aspect: 'confidentiality', minLevel: '2', text: 'All personal loggar in med två steg.' }
		});
		expect(changed).toMatchObject({ shippedKey: 'k3-two-step', minLevel: 2 });
		const own = await findRequirements(t.db, base);
		expect(own.own).toBe(true);
		expect(own.entries.length).toBe(SHIPPED_REQUIREMENTS.length);
		expect(own.entries.find((e) => e.id === changed.id)?.text).toBe('All personal loggar in med två steg.');

		const added = await saveRequirement(t.db, {
			...base,
			input: { aspect: 'availability', minLevel: '1', text: 'Det finns en kontaktperson hos leverantören.' }
		});
		await archiveRequirement(t.db, { ...base, entryId: 'k2-roles', archived: true });
		const tool = await buildTool(t.db, { organizerId: s.organizer.id, personalData: false });
		await classifyTool(t.db, {
			...base,
			toolId: tool.id,
			input: { confidentiality: '2', confidentialityRationale: 'Lärares omdömen.', integrity: '0', availability: '1' }
		});
		const page = await getToolClassification(t.db, { ...base, toolId: tool.id });
		expect(page.requirements.map((r) => r.text)).toEqual([
			'All personal loggar in med två steg.',
			'Man loggar in med skolans egna konton, så att ingen behöver ett särskilt lösenord i tjänsten.',
			'Det finns en kontaktperson hos leverantören.'
		]);
		expect(page.requirements[2].id).toBe(added.id);

		const archived = (await findRequirements(t.db, base)).entries.at(-1);
		expect(archived).toMatchObject({ archived: true, aspect: 'confidentiality' });
		await archiveRequirement(t.db, { ...base, entryId: archived!.id, archived: false });
		expect((await findRequirements(t.db, base)).entries.some((e) => e.archived)).toBe(false);

		const actions = await t.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id), eq(auditEvents.entityType, 'app_requirement')));
		expect(actions.map((a) => a.action).sort()).toEqual(
			['app_requirement.add', 'app_requirement.archive', 'app_requirement.restore', 'app_requirement.update'].sort()
		);
		// Another organizer still has the shipped catalogue; it cannot touch this one's entries.
		const other = await buildOrganizer(t.db);
		const otherCentral = await buildActor(t.db, [{ role: 'org_admin', organizerId: other.id, unitId: null }]);
		expect(
			(await caught(archiveRequirement(t.db, { actor: otherCentral, organizerId: other.id, entryId: added.id, archived: true }))).code
		).toBe('NOT_FOUND');
		expect(
			(await t.db.select().from(appRequirements).where(eq(appRequirements.organizerId, other.id))).length,
			'a refused change copies nothing'
		).toBe(0);
	});

	it('says what is wrong with a requirement beside the field, and lets only managers change the catalogue', async () => {
		const s = await setup();
		const e = await caught(
			saveRequirement(t.db, { actor: s.central, organizerId: s.organizer.id, input: { aspect: 'sekretess', minLevel: '0', text: ' ' } })
		);
		expect(e.issues.map((i) => i.field)).toEqual(['aspect', 'minLevel', 'text']);
		expect(
			(
				await caught(
					saveRequirement(t.db, {
						actor: s.principal,
						organizerId: s.organizer.id,
						input: { aspect: 'integrity', minLevel: '2', text: 'Krav' }
					})
				)
			).code
		).toBe('FORBIDDEN');
		expect(
			(
				await caught(
					saveRequirement(t.db, {
						actor: s.central,
						organizerId: s.organizer.id,
						entryId: 'finns-inte',
						input: { aspect: 'integrity', minLevel: '2', text: 'Krav' }
					})
				)
			).code
		).toBe('NOT_FOUND');
		expect((await t.db.select().from(appRequirements).where(eq(appRequirements.organizerId, s.organizer.id))).length).toBe(0);
	});
});
