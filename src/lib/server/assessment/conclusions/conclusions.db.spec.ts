// Covers: findConclusions, writeConclusion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentConclusions, auditEvents } from '../../db/schema';
import { loadActor } from '../../auth/load-actor';
import { findConclusions } from './find-conclusions';
import { writeConclusion } from './write-conclusion';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.programmering';

async function setup(o: { closed: boolean }) {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const round = await buildRound(h.db, { organizer, units: [unit], closedAt: o.closed ? new Date() : null });
	const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const leader = await buildActor(h.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const teacherRow = await buildPerson(h.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] });
	await buildResponse(h.db, { round, unitId: unit.id, perspective: 'staff', personId: teacherRow.id, answers: { [ITEM]: 2 } });
	const teacher = (await loadActor(h.db, teacherRow.id))!;
	const bystander = await buildActor(h.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	const base = { organizerId: organizer.id, roundId: round.id };
	return { organizer, unit, round, principal, leader, teacher, bystander, base };
}

describe('writing conclusions', () => {
	it('lets the unit team write the unit’s conclusion about an item, storing its sub-goal too, audited', async () => {
		const s = await setup({ closed: true });
		const row = await writeConclusion(h.db, {
			...s.base,
			actor: s.principal,
			unitId: s.unit.id,
			input: { summary: 'Vi satsar på programmering i åk 7–9.', subGoalId: null, itemKey: ITEM }
		});
		expect(row).toMatchObject({ unitId: s.unit.id, subGoalId: '1.1', itemKey: ITEM });
		const audits = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
		expect(audits.map((a) => a.action)).toEqual(['conclusion.create']);
	});

	it('lets leadership write the organizer’s conclusion, but not a principal', async () => {
		const s = await setup({ closed: true });
		await writeConclusion(h.db, {
			...s.base,
			actor: s.leader,
			unitId: null,
			input: { summary: 'Gemensam fortbildning.', subGoalId: '1.3', itemKey: null }
		});
		const e = await writeConclusion(h.db, {
			...s.base,
			actor: s.principal,
			unitId: null,
			input: { summary: 'X', subGoalId: null, itemKey: null }
		}).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
		const rows = await h.db.select().from(assessmentConclusions).where(eq(assessmentConclusions.roundId, s.round.id));
		expect(rows.map((r) => r.summary)).toEqual(['Gemensam fortbildning.']);
	});

	it('rejects an empty summary, an unknown sub-goal and an item of another sub-goal, writing nothing', async () => {
		const s = await setup({ closed: true });
		const write = (input: { summary: string; subGoalId: string | null; itemKey: string | null }) =>
			writeConclusion(h.db, { ...s.base, actor: s.principal, unitId: s.unit.id, input }).catch((x) => x);
		expect((await write({ summary: '  ', subGoalId: null, itemKey: null })).issues).toEqual([
			{ field: 'summary', message: 'consensus_error_summary_required' }
		]);
		expect((await write({ summary: 'X', subGoalId: '9.9', itemKey: null })).issues[0].message).toBe('consensus_error_scope');
		expect((await write({ summary: 'X', subGoalId: '2.1', itemKey: ITEM })).issues[0].message).toBe('consensus_error_scope');
		expect(await h.db.select().from(assessmentConclusions).where(eq(assessmentConclusions.roundId, s.round.id))).toEqual([]);
	});
});

describe('who sees "Ni sa – vi gör"', () => {
	it('shows someone who answered their unit’s and the organizer’s conclusions and agreed results once the round has closed', async () => {
		const s = await setup({ closed: true });
		await writeConclusion(h.db, {
			...s.base,
			actor: s.principal,
			unitId: s.unit.id,
			input: { summary: 'Enhetens slutsats', subGoalId: null, itemKey: null }
		});
		await writeConclusion(h.db, {
			...s.base,
			actor: s.leader,
			unitId: null,
			input: { summary: 'Huvudmannens slutsats', subGoalId: null, itemKey: null }
		});
		const r = await findConclusions(h.db, { ...s.base, actor: s.teacher });
		expect(r.unit?.conclusions.map((c) => c.summary)).toEqual(['Enhetens slutsats']);
		expect(r.organizerConclusions.map((c) => c.summary)).toEqual(['Huvudmannens slutsats']);
		expect(r.unit?.canWrite).toBe(false);
		expect(r.unit?.results.length).toBeGreaterThan(0);
	});

	it('makes someone who answered wait while the round is open', async () => {
		const s = await setup({ closed: false });
		const r = await findConclusions(h.db, { ...s.base, actor: s.teacher });
		expect(r.waiting).toBe(true);
		expect(r.unit).toBeNull();
	});

	it('refuses a person who did not answer and has no team role', async () => {
		const s = await setup({ closed: true });
		const e = await findConclusions(h.db, { ...s.base, actor: s.bystander }).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
	});

	it('refuses a conclusion page of another organizer’s round', async () => {
		const s = await setup({ closed: true });
		const other = await buildOrganizer(h.db);
		const e = await findConclusions(h.db, { organizerId: other.id, roundId: s.round.id, actor: s.principal }).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
	});
});
