// Covers: createCycle, createCycleActions, getCycleDetails, getCycle, saveCycleAnswers, saveCycleAnalysis, saveCycleEntries, loadCycleFacts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { auditEvents, planningActions, planningCycleEntries } from '../../db/schema';
import { createCycle } from './create-cycle';
import { createCycleActions } from './create-cycle-actions';
import { getCycleDetails } from './get-cycle-details';
import { getCycle } from './get-cycle';
import { saveCycleAnswers } from './save-cycle-answers';
import { saveCycleAnalysis } from './save-cycle-analysis';
import { saveCycleEntries } from './save-cycle-entries';
import { loadCycleFacts } from './load-cycle-facts';
import { changeActionStatus } from '../change-action-status';
import { buildDemoCycles } from '../../demo/build-demo-cycles';
import { createRandom } from '../../demo/random';
import type { DemoOrganizer } from '../../demo/build-demo-organizer';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

/** An organizer with a unit, its principal and a teacher. */
async function school() {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const other = await buildUnit(h.db, { organizerId: organizer.id });
	const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const teacher = await buildPerson(h.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] });
	return { organizer, unit, other, principal, teacher };
}

const entry = (what: string, responsibleId: string, extra: Record<string, string> = {}) => ({
	what,
	how: 'Så här',
	dueOn: '2027-03-01',
	responsibleId,
	followUp: 'Enkät',
	effect: 'Bättre',
	...extra
});

describe('Undersök → Analysera → Agera cycles', () => {
	it('refuses a unit principal a cycle for another unit, beside the scope field', async () => {
		const s = await school();
		const e = await createCycle(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			input: { scope: s.other.id, name: 'Höst', openedOn: '2026-09-01', memberIds: [] }
		}).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toContainEqual({ field: 'scope', message: 'cycles_error_scope_not_allowed' });
		const org = await createCycle(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			input: { scope: 'organizer', name: 'Höst', openedOn: '2026-09-01', memberIds: [] }
		}).catch((x) => x);
		expect(org.code).toBe('INVALID');
	});

	it('lets the working group write notes and analysis, and audits both', async () => {
		const s = await school();
		const cycle = await createCycle(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			input: { scope: s.unit.id, name: 'Vår', openedOn: '2026-09-01', memberIds: [s.teacher.id] }
		});
		const { loadActor } = await import('../../auth/load-actor');
		const teacher = (await loadActor(h.db, s.teacher.id))!;
		await saveCycleAnswers(h.db, {
			actor: teacher,
			organizerId: s.organizer.id,
			cycleId: cycle.id,
			notes: { '1.vision': 'Vi saknar en gemensam bild.', okänd: 'x' }
		});
		await saveCycleAnalysis(h.db, {
			actor: teacher,
			organizerId: s.organizer.id,
			cycleId: cycle.id,
			input: { strengths: 'Engagerade lärare', needs: 'Tid', consequences: 'Olika villkor' }
		});
		const d = await getCycleDetails(h.db, { actor: teacher, organizerId: s.organizer.id, cycleId: cycle.id });
		expect(d.answers).toEqual({ '1.vision': 'Vi saknar en gemensam bild.' });
		expect(d.cycle.needs).toBe('Tid');
		expect(d.members.map((m) => m.roles.map((r) => r.role))).toEqual([['staff']]);
		const audits = await h.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, cycle.id));
		expect(audits.map((a) => a.action).sort()).toEqual(['cycle.analyse', 'cycle.create', 'cycle.investigate']);
		const outsider = await buildActor(h.db, [{ role: 'staff', organizerId: s.organizer.id, unitId: s.other.id }]);
		const e = await getCycle(h.db, { actor: outsider, organizerId: s.organizer.id, cycleId: cycle.id }).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
	});

	it('creates every action of the Agera table or none: one entry without a responsible person leaves all unwritten', async () => {
		const s = await school();
		const cycle = await createCycle(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			input: { scope: s.unit.id, name: 'Agera', openedOn: '2026-09-01', memberIds: [] }
		});
		const base = { actor: s.principal, organizerId: s.organizer.id, cycleId: cycle.id };
		const bad = await createCycleActions(h.db, {
			...base,
			rows: { cohesive: [entry('Gemensam vision', s.teacher.id)], technical: [entry('Reservdatorer', '')] }
		}).catch((x) => x);
		expect(bad.code).toBe('INVALID');
		expect(bad.issues).toEqual([{ field: 'e-technical-0-responsibleId', message: 'planning_error_responsible' }]);
		const made = await h.db.select().from(planningActions).where(eq(planningActions.title, 'Gemensam vision'));
		expect(made.filter((a) => a.organizerId === s.organizer.id)).toHaveLength(0);
		expect(await h.db.select().from(planningCycleEntries).where(eq(planningCycleEntries.cycleId, cycle.id))).toHaveLength(0);

		const ok = await createCycleActions(h.db, {
			...base,
			rows: {
				cohesive: [entry('Gemensam vision', s.teacher.id)],
				technical: [entry('Reservdatorer', s.principal.personId)],
				pedagogical: [{}]
			}
		});
		expect(ok.actionIds).toHaveLength(2);
		const d = await getCycleDetails(h.db, base);
		expect(d.actions.map((a) => [a.area, a.title, a.status])).toEqual([
			['cohesive', 'Gemensam vision', 'planned'],
			['technical', 'Reservdatorer', 'planned']
		]);
		expect(d.drafts).toHaveLength(0);
	});

	it('opens the next cycle of the same scope with the last one’s actions and their status now, and nothing else', async () => {
		const s = await school();
		const first = await createCycle(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			input: { scope: s.unit.id, name: 'Första', openedOn: '2026-08-20', memberIds: [] }
		});
		const base = { actor: s.principal, organizerId: s.organizer.id };
		await saveCycleAnalysis(h.db, { ...base, cycleId: first.id, input: { strengths: 'Styrka', needs: '', consequences: '' } });
		const { actionIds } = await createCycleActions(h.db, {
			...base,
			cycleId: first.id,
			rows: { pedagogical: [entry('Nätverksträffar', s.teacher.id)] }
		});
		await changeActionStatus(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			actionId: actionIds[0],
			input: { status: 'done', note: 'Klart' }
		});
		const second = await createCycle(h.db, { ...base, input: { scope: s.unit.id, name: 'Andra', openedOn: '2027-08-20', memberIds: [] } });
		const d = await getCycleDetails(h.db, { ...base, cycleId: second.id });
		expect(d.previousActions.map((a) => [a.title, a.status])).toEqual([['Nätverksträffar', 'done']]);
		expect(d.actions).toHaveLength(0);
		expect(d.cycle.strengths).toBe('');
		expect(d.answers).toEqual({});
		// Another unit's cycle starts afresh.
		const elsewhere = await createCycle(h.db, {
			actor: await buildActor(h.db, [{ role: 'leadership', organizerId: s.organizer.id }]),
			organizerId: s.organizer.id,
			input: { scope: s.other.id, name: 'Annan', openedOn: '2027-08-21', memberIds: [] }
		});
		expect(elsewhere.previousId).toBeNull();
	});

	it('keeps suppressed self-assessment figures hidden in the Undersök facts', async () => {
		const s = await school();
		const round = await buildRound(h.db, { organizer: s.organizer, units: [s.unit], closedAt: new Date(), opensOn: '2026-01-10' });
		for (const level of [2, 3, 3, 4, 4])
			await buildResponse(h.db, { round, unitId: s.unit.id, perspective: 'staff', answers: { 'ns.1-1.programmering': level } });
		await buildResponse(h.db, { round, unitId: s.unit.id, perspective: 'students', answers: { 'ns.1-1.programmering': 1 } });
		const cycle = await createCycle(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			input: { scope: s.unit.id, name: 'Fakta', openedOn: '2026-09-01', memberIds: [] }
		});
		const c = await getCycle(h.db, { actor: s.principal, organizerId: s.organizer.id, cycleId: cycle.id });
		const facts = await loadCycleFacts(h.db, { actor: s.principal, cycle: c });
		const sg = facts.assessment!.subGoals.find((x) => x.id === '1.1')!;
		// The lone student would be given away by the staff group's mean beside the unit total: both stay hidden.
		expect(sg).toMatchObject({ mean: null, hidden: true });
		expect(facts.assessment!.subGoals.filter((x) => x.mean !== null)).toEqual([]);
		expect(facts.support).toMatchObject({ cases: 0 });
	});

	it('gives the demo one completed cycle whose Agera rows are actions of the unit plan', async () => {
		const s = await school();
		const ref = (p: { id: string; name: string }) => ({ id: p.id, name: p.name, email: '', unitKey: 'solbacka' });
		const none = {
			org_admin: [],
			leadership: [],
			principal: [],
			pedagogical_key_person: [],
			technical_key_person: [],
			central_pedagogical_support: [],
			central_technical_support: [],
			supplier: [],
			staff: [],
			student: [],
			guardian: [],
			reader: []
		};
		const demo = {
			organizerId: s.organizer.id,
			units: { solbacka: s.unit.id },
			unitPlans: [],
			signIns: [],
			people: { ...none, principal: [ref({ id: s.principal.personId, name: 'Rektor' })], staff: [ref(s.teacher)] }
		} as unknown as DemoOrganizer;
		expect(await buildDemoCycles(h.db, demo, createRandom(1))).toEqual({ cycles: 1, actions: 3 });
		const { findCycles } = await import('./find-cycles');
		const [c] = (await findCycles(h.db, { actor: s.principal, organizerId: s.organizer.id })).cycles;
		const d = await getCycleDetails(h.db, { actor: s.principal, organizerId: s.organizer.id, cycleId: c.id });
		expect(d.actions.map((a) => a.area)).toEqual(['cohesive', 'pedagogical', 'technical']);
		expect(Object.keys(d.answers).length).toBeGreaterThan(3);
		expect(d.cycle.needs).not.toBe('');
		expect(d.members.map((m) => m.id).sort()).toEqual([s.principal.personId, s.teacher.id].sort());
	});

	it('saves the Agera table as drafts (a responsible person may wait, a stranger may not be one) and keeps made actions apart', async () => {
		const s = await school();
		const cycle = await createCycle(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			input: { scope: s.unit.id, name: 'Utkast', openedOn: '2026-09-01', memberIds: [] }
		});
		const base = { actor: s.principal, organizerId: s.organizer.id, cycleId: cycle.id };
		const stranger = await buildPerson(h.db);
		const e = await saveCycleEntries(h.db, { ...base, rows: { pedagogical: [{}, entry('Filmer', stranger.id)] } }).catch((x) => x);
		expect(e.issues).toEqual([{ field: 'e-pedagogical-1-responsibleId', message: 'planning_error_responsible_member' }]);
		await saveCycleEntries(h.db, { ...base, rows: { pedagogical: [entry('Filmer', '')], technical: [{ what: '', how: '' }] } });
		let d = await getCycleDetails(h.db, base);
		expect(d.drafts.map((x) => [x.area, x.what, x.responsibleId])).toEqual([['pedagogical', 'Filmer', null]]);
		await createCycleActions(h.db, { ...base, rows: { pedagogical: [entry('Filmer', s.teacher.id)] } });
		await saveCycleEntries(h.db, { ...base, rows: { technical: [entry('Skal', '')] } });
		d = await getCycleDetails(h.db, base);
		expect(d.actions.map((a) => a.title)).toEqual(['Filmer']);
		expect(d.drafts.map((x) => x.what)).toEqual(['Skal']);
	});
});
