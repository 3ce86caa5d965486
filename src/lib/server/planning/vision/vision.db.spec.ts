// Covers: saveGoal, removeGoal, saveVisionText, getVision, defineConcept, removeConcept, renameConcept, findConceptRenames, saveFinancing, saveFrameworkTexts, getCommonFramework.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { auditEvents, planningActions, planningConceptVersions, planningGoals } from '../../db/schema';
import { createAction } from '../create-action';
import { updateAction } from '../update-action';
import type { ActionInput } from '../action-input';
import { saveGoal } from './save-goal';
import { removeGoal } from './remove-goal';
import { saveVisionText } from './save-vision-text';
import { getVision } from './get-vision';
import { defineConcept } from './define-concept';
import { removeConcept } from './remove-concept';
import { renameConcept } from './rename-concept';
import { saveFinancing } from './save-financing';
import { saveFrameworkTexts } from './save-framework-texts';
import { getCommonFramework } from './get-common-framework';

const t = useTestDatabase();
const PERIOD = '2026/27';

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const reader = await buildActor(t.db, [{ role: 'reader', organizerId: organizer.id }]);
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const action = (o: Partial<ActionInput> = {}): ActionInput => ({
		scope: 'organizer',
		title: `Aktivitet ${Math.random()}`,
		responsibleId: leader.personId,
		...o
	});
	return { organizer, unit, leader, admin, reader, principal, action };
}

const goalsOf = (organizerId: string) => t.db.select().from(planningGoals).where(eq(planningGoals.organizerId, organizerId));

describe('strategic goals', () => {
	it('keeps goals tied to sub-goals of the organizer’s framework, in order, and audits them', async () => {
		const s = await setup();
		await saveVisionText(t.db, { actor: s.leader, organizerId: s.organizer.id, input: { text: 'Alla elever lär med digitala verktyg.' } });
		const a = await saveGoal(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: { title: 'Likvärdig kompetens', subGoals: ['nationella-strategin:1.1', 'nationella-strategin:1.2'] }
		});
		const b = await saveGoal(t.db, {
			actor: s.admin,
			organizerId: s.organizer.id,
			input: { title: 'Fungerande support', subGoals: ['nationella-strategin:2.2'] }
		});
		expect([a.position, b.position]).toEqual([1, 2]);
		const vision = await getVision(t.db, { actor: s.reader, organizerId: s.organizer.id, locale: 'sv' });
		expect(vision.text).toBe('Alla elever lär med digitala verktyg.');
		expect(vision.canWrite).toBe(false);
		expect(vision.goals.map((g) => [g.title, g.subGoals.map((x) => x.value)])).toEqual([
			['Likvärdig kompetens', ['nationella-strategin:1.1', 'nationella-strategin:1.2']],
			['Fungerande support', ['nationella-strategin:2.2']]
		]);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id)));
		expect(audits.map((x) => x.action).sort()).toEqual(['goal.create', 'goal.create', 'vision.update']);
	});

	it('refuses an empty title, no sub-goal and a sub-goal outside the framework, writing nothing', async () => {
		const s = await setup();
		const attempts: [Parameters<typeof saveGoal>[1]['input'], string, string][] = [
			[{ title: '  ', subGoals: ['nationella-strategin:1.1'] }, 'title', 'vision_error_goal_title'],
			[{ title: 'Mål', subGoals: [] }, 'subGoals', 'vision_error_sub_goal_required'],
			[{ title: 'Mål', subGoals: ['nationella-strategin:9.9'] }, 'subGoals', 'vision_error_sub_goal_unknown'],
			[{ title: 'Mål', subGoals: ['nationella-strategin:1.1:1.1.1'] }, 'subGoals', 'vision_error_sub_goal_unknown']
		];
		for (const [input, field, message] of attempts) {
			const e = await saveGoal(t.db, { actor: s.leader, organizerId: s.organizer.id, input }).catch((x) => x);
			expect(e.code, message).toBe('INVALID');
			expect(e.issues).toContainEqual({ field, message });
		}
		expect(await goalsOf(s.organizer.id)).toEqual([]);
	});

	it('lets a reader and a principal read the vision but not write it', async () => {
		const s = await setup();
		for (const actor of [s.reader, s.principal]) {
			expect((await getVision(t.db, { actor, organizerId: s.organizer.id, locale: 'sv' })).canWrite).toBe(false);
			const e = await saveGoal(t.db, {
				actor,
				organizerId: s.organizer.id,
				input: { title: 'Mål', subGoals: ['nationella-strategin:1.1'] }
			}).catch((x) => x);
			expect(e.code).toBe('FORBIDDEN');
			expect((await saveVisionText(t.db, { actor, organizerId: s.organizer.id, input: { text: 'x' } }).catch((x) => x)).code).toBe(
				'FORBIDDEN'
			);
			expect(
				(await defineConcept(t.db, { actor, organizerId: s.organizer.id, input: { name: 'x', meaning: 'y' } }).catch((x) => x)).code
			).toBe('FORBIDDEN');
			expect(
				(await saveFinancing(t.db, { actor, organizerId: s.organizer.id, input: { 'payer-devices': 'unit' } }).catch((x) => x)).code
			).toBe('FORBIDDEN');
		}
		expect(await goalsOf(s.organizer.id)).toEqual([]);
		const outsider = await buildActor(t.db, [{ role: 'leadership', organizerId: (await buildOrganizer(t.db)).id }]);
		expect((await getCommonFramework(t.db, { actor: outsider, organizerId: s.organizer.id }).catch((x) => x)).code).toBe('FORBIDDEN');
	});
});

describe('an action serving a strategic goal', () => {
	it('counts the actions serving each goal per status and lets the reader follow only the ones it may read', async () => {
		const s = await setup();
		const goal = await saveGoal(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: { title: 'Mål', subGoals: ['nationella-strategin:1.1'] }
		});
		const own = await createAction(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			period: PERIOD,
			input: s.action({ goalId: goal.id })
		});
		await createAction(t.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			period: PERIOD,
			input: s.action({ scope: s.unit.id, goalId: goal.id })
		});
		const [g] = (await getVision(t.db, { actor: s.reader, organizerId: s.organizer.id, locale: 'sv' })).goals;
		expect(g.total).toBe(2);
		expect(g.byStatus.planned).toBe(2);
		expect(g.actions.map((a) => a.id)).toEqual([own.id]);
		const [lg] = (await getVision(t.db, { actor: s.leader, organizerId: s.organizer.id, locale: 'sv' })).goals;
		expect(lg.actions).toHaveLength(2);
	});

	it('refuses another organizer’s goal beside the field and writes nothing; an update audits the goal', async () => {
		const s = await setup();
		const other = await setup();
		const theirs = await saveGoal(t.db, {
			actor: other.leader,
			organizerId: other.organizer.id,
			input: { title: 'Deras', subGoals: ['nationella-strategin:1.1'] }
		});
		const e = await createAction(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			period: PERIOD,
			input: s.action({ goalId: theirs.id })
		}).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toContainEqual({ field: 'goalId', message: 'vision_error_action_goal' });
		expect(await t.db.select().from(planningActions).where(eq(planningActions.organizerId, s.organizer.id))).toEqual([]);

		const mine = await saveGoal(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: { title: 'Vårt', subGoals: ['nationella-strategin:1.1'] }
		});
		const row = await createAction(t.db, { actor: s.leader, organizerId: s.organizer.id, period: PERIOD, input: s.action() });
		const bad = await updateAction(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: s.action({ title: row.title, goalId: theirs.id })
		}).catch((x) => x);
		expect(bad.issues).toContainEqual({ field: 'goalId', message: 'vision_error_action_goal' });
		await updateAction(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: s.action({ title: row.title, goalId: mine.id })
		});
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'action.update')));
		expect(audit.changes).toEqual({ goalId: [null, mine.id] });

		await removeGoal(t.db, { actor: s.leader, organizerId: s.organizer.id, goalId: mine.id });
		const [after] = await t.db.select().from(planningActions).where(eq(planningActions.id, row.id));
		expect(after.goalId).toBeNull();
		expect(await goalsOf(s.organizer.id)).toEqual([]);
	});
});

describe('the common framework', () => {
	it('keeps every meaning of a concept, the newest as the current one with its author', async () => {
		const s = await setup();
		const { conceptId } = await defineConcept(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: { name: 'Digital kompetens', meaning: 'Att kunna använda verktygen.' }
		});
		const same = await defineConcept(t.db, {
			actor: s.admin,
			organizerId: s.organizer.id,
			conceptId,
			input: { meaning: 'Att kunna använda verktygen.' }
		});
		expect(same.changed).toBe(false);
		await defineConcept(t.db, {
			actor: s.admin,
			organizerId: s.organizer.id,
			conceptId,
			input: { meaning: 'Att förstå, använda och värdera digitala verktyg.' }
		});
		const taken = await defineConcept(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: { name: 'digital KOMPETENS', meaning: 'x' }
		}).catch((x) => x);
		expect(taken.issues).toContainEqual({ field: 'name', message: 'vision_error_concept_taken' });
		const empty = await defineConcept(t.db, { actor: s.leader, organizerId: s.organizer.id, conceptId, input: { meaning: ' ' } }).catch(
			(x) => x
		);
		expect(empty.issues).toContainEqual({ field: 'meaning', message: 'vision_error_meaning' });
		const f = await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id });
		expect(f.concepts).toHaveLength(1);
		expect(f.concepts[0].current?.meaning).toBe('Att förstå, använda och värdera digitala verktyg.');
		expect(f.concepts[0].earlier.map((v) => v.meaning)).toEqual(['Att kunna använda verktygen.']);
		expect(await t.db.select().from(planningConceptVersions).where(eq(planningConceptVersions.conceptId, conceptId))).toHaveLength(2);
	});

	it('removes a concept with its meanings, keeps them in the log, and lets only plan writers do it', async () => {
		const s = await setup();
		const { conceptId } = await defineConcept(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: { name: 'Likvärdig support', meaning: 'Samma väg in för alla enheter.' }
		});
		await defineConcept(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			conceptId,
			input: { meaning: 'Samma väg in och samma svarstider.' }
		});
		expect((await removeConcept(t.db, { actor: s.reader, organizerId: s.organizer.id, conceptId }).catch((x) => x)).code).toBe('FORBIDDEN');
		expect((await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id })).concepts).toHaveLength(1);
		await removeConcept(t.db, { actor: s.leader, organizerId: s.organizer.id, conceptId });
		expect((await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id })).concepts).toEqual([]);
		expect(await t.db.select().from(planningConceptVersions).where(eq(planningConceptVersions.conceptId, conceptId))).toEqual([]);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, conceptId), eq(auditEvents.action, 'concept.remove')));
		const meanings = (audit.changes as { meanings: [string[], string[]] }).meanings[0];
		expect(meanings.map((x) => x.slice(12))).toEqual(['Samma väg in för alla enheter.', 'Samma väg in och samma svarstider.']);
		expect((await removeConcept(t.db, { actor: s.leader, organizerId: s.organizer.id, conceptId }).catch((x) => x)).code).toBe('NOT_FOUND');
	});

	it('renames a concept for plan writers, keeps its meanings, shows the old name in its history and audits it once', async () => {
		const s = await setup();
		const ids = { actor: s.leader, organizerId: s.organizer.id };
		const { conceptId } = await defineConcept(t.db, { ...ids, input: { name: 'IT-stöd', meaning: 'Hjälp med datorerna.' } });
		await defineConcept(t.db, { ...ids, conceptId, input: { meaning: 'Hjälp med datorer och program.' } });
		expect(await renameConcept(t.db, { ...ids, conceptId, input: { name: ' Digitalt stöd ' } })).toEqual({ changed: true });
		expect(await renameConcept(t.db, { actor: s.admin, organizerId: s.organizer.id, conceptId, input: { name: 'Digitalt stöd' } })).toEqual(
			{ changed: false }
		);
		const [concept] = (await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id })).concepts;
		expect(concept.name).toBe('Digitalt stöd');
		expect(concept.current?.meaning).toBe('Hjälp med datorer och program.');
		expect(concept.earlier.map((e) => e.meaning)).toEqual(['Hjälp med datorerna.']);
		expect(concept.earlierNames.map((n) => n.name)).toEqual(['IT-stöd']);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, conceptId), eq(auditEvents.action, 'concept.rename')));
		expect(audits.map((a) => a.changes)).toEqual([{ name: ['IT-stöd', 'Digitalt stöd'] }]);
	});

	it('refuses an empty name, a name another concept has, a reader or principal and another organizer’s concept, writing nothing', async () => {
		const s = await setup();
		const ids = { actor: s.leader, organizerId: s.organizer.id };
		const { conceptId } = await defineConcept(t.db, { ...ids, input: { name: 'Likvärdighet', meaning: 'Samma möjligheter.' } });
		await defineConcept(t.db, { ...ids, input: { name: 'Digital kompetens', meaning: 'Att kunna välja verktyg.' } });
		const issuesOf = async (p: Promise<unknown>) => {
			const e = (await p.catch((x: unknown) => x)) as { code?: string; issues?: unknown };
			return { code: e.code, issues: e.issues };
		};
		expect(await issuesOf(renameConcept(t.db, { ...ids, conceptId, input: { name: '  ' } }))).toEqual({
			code: 'INVALID',
			issues: [{ field: 'name', message: 'vision_error_concept_new_name' }]
		});
		expect(await issuesOf(renameConcept(t.db, { ...ids, conceptId, input: { name: 'digital KOMPETENS' } }))).toEqual({
			code: 'INVALID',
			issues: [{ field: 'name', message: 'vision_error_concept_name_taken' }]
		});
		for (const actor of [s.reader, s.principal])
			expect(
				(await renameConcept(t.db, { actor, organizerId: s.organizer.id, conceptId, input: { name: 'Nytt' } }).catch((x) => x)).code
			).toBe('FORBIDDEN');
		const other = await buildOrganizer(t.db);
		const stranger = await buildActor(t.db, [{ role: 'leadership', organizerId: other.id }]);
		expect(
			(await renameConcept(t.db, { actor: stranger, organizerId: other.id, conceptId, input: { name: 'Nytt' } }).catch((x) => x)).code
		).toBe('NOT_FOUND');
		const names = (await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id })).concepts.map((c) => [
			c.name,
			c.earlierNames
		]);
		expect(names).toEqual([
			['Digital kompetens', []],
			['Likvärdighet', []]
		]);
	});

	it('saves the financing matrix with own rows and reads it back; a bad payer or an unnamed row writes nothing', async () => {
		const s = await setup();
		await saveFinancing(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: {
				'payer-devices': 'unit',
				'note-devices': 'Via elevpeng',
				'payer-licences': 'administration',
				'label-new': 'Nätverk',
				'payer-new': 'it'
			}
		});
		let f = await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id });
		const own = f.financing.find((r) => !r.rowKey)!;
		expect(f.financing.map((r) => [r.rowKey ?? r.label, r.payer, r.note])).toEqual([
			['devices', 'unit', 'Via elevpeng'],
			['pedagogical_support', null, ''],
			['technical_support', null, ''],
			['licences', 'administration', ''],
			['repairs', null, ''],
			['learning_resources', null, ''],
			['Nätverk', 'it', '']
		]);
		const base: Record<string, string> = { 'payer-devices': 'it', [`label-${own.id}`]: 'Nätverk' };
		for (const [input, field] of [
			[{ 'payer-devices': 'kommunen' }, 'payer-devices'],
			[{ [`label-${own.id}`]: '' }, `label-${own.id}`],
			[{ 'note-new': 'utan namn' }, 'label-new']
		] as const) {
			const e = await saveFinancing(t.db, { actor: s.leader, organizerId: s.organizer.id, input: { ...base, ...input } }).catch((x) => x);
			expect(
				e.issues?.map((i: { field: string }) => i.field),
				field
			).toContain(field);
		}
		f = await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id });
		expect(f.financing[0].payer).toBe('unit');
		await saveFinancing(t.db, {
			actor: s.admin,
			organizerId: s.organizer.id,
			input: {
				'payer-devices': 'unit',
				'note-devices': 'Via elevpeng',
				'payer-licences': 'administration',
				[`label-${own.id}`]: 'Nätverk',
				[`remove-${own.id}`]: 'on'
			}
		});
		f = await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id });
		expect(f.financing.filter((r) => !r.rowKey)).toEqual([]);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id), eq(auditEvents.action, 'financing.update')));
		expect(audits).toHaveLength(2);
		expect(audits.some((a) => JSON.stringify(a.changes).includes('Nätverk'))).toBe(true);
	});

	it('writes the free-text sections and role texts, ignoring unknown keys, and counts people per role', async () => {
		const s = await setup();
		await saveFrameworkTexts(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			input: { equal_access: 'En dator per elev från åk 4.', 'role.principal': 'Leder arbetet på skolan.', hacked: 'x' }
		});
		const f = await getCommonFramework(t.db, { actor: s.reader, organizerId: s.organizer.id });
		expect(f.texts).toEqual({ equal_access: 'En dator per elev från åk 4.', 'role.principal': 'Leder arbetet på skolan.' });
		expect(f.roles.find((r) => r.role === 'principal')).toMatchObject({ people: 1, text: 'Leder arbetet på skolan.' });
		expect(f.roles.find((r) => r.role === 'leadership')?.people).toBe(1);
	});
});
