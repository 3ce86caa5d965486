// Covers: writeConclusion, updateConclusion, deleteConclusion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentConclusions, auditEvents } from '../../db/schema';
import { writeConclusion } from './write-conclusion';
import { updateConclusion } from './update-conclusion';
import { deleteConclusion } from './delete-conclusion';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.programmering';

/** A closed round for two units, each with its principal, leadership, and one conclusion each for unit and organizer. */
async function setup() {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const neighbour = await buildUnit(h.db, { organizerId: organizer.id });
	const round = await buildRound(h.db, { organizer, units: [unit, neighbour], closedAt: new Date() });
	const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const neighbourPrincipal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: neighbour.id }]);
	const leader = await buildActor(h.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const base = { organizerId: organizer.id, roundId: round.id };
	const unitConclusion = await writeConclusion(h.db, {
		...base,
		actor: principal,
		unitId: unit.id,
		input: { summary: 'Vi börjar med programmering.', subGoalId: null, itemKey: null }
	});
	const orgConclusion = await writeConclusion(h.db, {
		...base,
		actor: leader,
		unitId: null,
		input: { summary: 'Gemensam fortbildning.', subGoalId: '1.3', itemKey: null }
	});
	const rows = () =>
		h.db.select().from(assessmentConclusions).where(eq(assessmentConclusions.roundId, round.id)).orderBy(assessmentConclusions.createdAt);
	const audits = (action: string) =>
		h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizer.id), eq(auditEvents.action, action)));
	return { organizer, unit, neighbour, round, principal, neighbourPrincipal, leader, base, unitConclusion, orgConclusion, rows, audits };
}

describe('changing a conclusion', () => {
	it('lets the unit team change its text and scope, auditing only the fields that changed with before and after', async () => {
		const s = await setup();
		const r = await updateConclusion(h.db, {
			...s.base,
			actor: s.principal,
			conclusionId: s.unitConclusion.id,
			input: { summary: 'Vi börjar med programmering i åk 7.', subGoalId: null, itemKey: ITEM }
		});
		expect(r.changed).toBe(true);
		expect(r.row).toMatchObject({
			id: s.unitConclusion.id,
			subGoalId: '1.1',
			itemKey: ITEM,
			summary: 'Vi börjar med programmering i åk 7.',
			unitId: s.unit.id
		});
		const [event] = await s.audits('conclusion.update');
		expect(event).toMatchObject({ actorId: s.principal.personId, entityType: 'assessment_conclusion', entityId: s.unitConclusion.id });
		expect(event.changes).toEqual({
			subGoalId: [null, '1.1'],
			itemKey: [null, ITEM],
			summary: ['Vi börjar med programmering.', 'Vi börjar med programmering i åk 7.']
		});
	});

	it('writes nothing and logs nothing when nothing changed', async () => {
		const s = await setup();
		const r = await updateConclusion(h.db, {
			...s.base,
			actor: s.leader,
			conclusionId: s.orgConclusion.id,
			input: { summary: ' Gemensam fortbildning. ', subGoalId: '1.3', itemKey: null }
		});
		expect(r.changed).toBe(false);
		expect(await s.audits('conclusion.update')).toEqual([]);
	});

	it('refuses an empty text and a scope outside the round, keeping the conclusion as it was', async () => {
		const s = await setup();
		const before = await s.rows();
		const change = (input: { summary: string; subGoalId: string | null; itemKey: string | null }) =>
			updateConclusion(h.db, { ...s.base, actor: s.principal, conclusionId: s.unitConclusion.id, input }).catch((x) => x);
		expect((await change({ summary: '   ', subGoalId: null, itemKey: null })).issues).toEqual([
			{ field: 'summary', message: 'consensus_error_summary_required' }
		]);
		expect((await change({ summary: 'X', subGoalId: '9.9', itemKey: null })).issues).toEqual([
			{ field: 'scope', message: 'consensus_error_scope' }
		]);
		expect((await change({ summary: 'X', subGoalId: null, itemKey: 'ns.hittat-pa' })).issues).toEqual([
			{ field: 'scope', message: 'consensus_error_scope' }
		]);
		expect(await s.rows()).toEqual(before);
		expect(await s.audits('conclusion.update')).toEqual([]);
	});

	it('refuses another unit’s principal, a principal on the organizer’s conclusion, and a conclusion of another round or a malformed id', async () => {
		const s = await setup();
		const before = await s.rows();
		const input = { summary: 'Ändrat', subGoalId: null, itemKey: null };
		const code = (p: Promise<unknown>) =>
			p.then(
				() => 'OK',
				(e) => e.code
			);
		expect(await code(updateConclusion(h.db, { ...s.base, actor: s.neighbourPrincipal, conclusionId: s.unitConclusion.id, input }))).toBe(
			'FORBIDDEN'
		);
		expect(await code(updateConclusion(h.db, { ...s.base, actor: s.principal, conclusionId: s.orgConclusion.id, input }))).toBe(
			'FORBIDDEN'
		);
		const other = await setup();
		expect(await code(updateConclusion(h.db, { ...s.base, actor: s.principal, conclusionId: other.unitConclusion.id, input }))).toBe(
			'NOT_FOUND'
		);
		expect(await code(updateConclusion(h.db, { ...s.base, actor: s.principal, conclusionId: 'inte-ett-id', input }))).toBe('NOT_FOUND');
		expect(
			await code(
				updateConclusion(h.db, {
					organizerId: other.organizer.id,
					roundId: s.round.id,
					actor: other.principal,
					conclusionId: s.unitConclusion.id,
					input
				})
			)
		).toBe('NOT_FOUND');
		expect(await s.rows()).toEqual(before);
		expect(await other.rows()).toHaveLength(2);
	});
});

describe('removing a conclusion', () => {
	it('lets leadership remove the organizer’s conclusion and keeps what was removed in the audit log', async () => {
		const s = await setup();
		await deleteConclusion(h.db, { ...s.base, actor: s.leader, conclusionId: s.orgConclusion.id });
		expect((await s.rows()).map((r) => r.id)).toEqual([s.unitConclusion.id]);
		const [event] = await s.audits('conclusion.delete');
		expect(event).toMatchObject({ actorId: s.leader.personId, entityId: s.orgConclusion.id });
		expect(event.changes).toEqual({
			roundId: [s.round.id, null],
			unitId: [null, null],
			subGoalId: ['1.3', null],
			itemKey: [null, null],
			summary: ['Gemensam fortbildning.', null]
		});
	});

	it('lets the unit team remove its own conclusion, but not another unit’s team or a principal the organizer’s', async () => {
		const s = await setup();
		const code = (p: Promise<unknown>) =>
			p.then(
				() => 'OK',
				(e) => e.code
			);
		expect(await code(deleteConclusion(h.db, { ...s.base, actor: s.neighbourPrincipal, conclusionId: s.unitConclusion.id }))).toBe(
			'FORBIDDEN'
		);
		expect(await code(deleteConclusion(h.db, { ...s.base, actor: s.principal, conclusionId: s.orgConclusion.id }))).toBe('FORBIDDEN');
		expect(await s.rows()).toHaveLength(2);
		expect(await s.audits('conclusion.delete')).toEqual([]);
		await deleteConclusion(h.db, { ...s.base, actor: s.principal, conclusionId: s.unitConclusion.id });
		expect((await s.rows()).map((r) => r.id)).toEqual([s.orgConclusion.id]);
	});

	it('says NOT_FOUND for a conclusion already removed, without a second audit event', async () => {
		const s = await setup();
		await deleteConclusion(h.db, { ...s.base, actor: s.principal, conclusionId: s.unitConclusion.id });
		const again = await deleteConclusion(h.db, { ...s.base, actor: s.principal, conclusionId: s.unitConclusion.id }).catch((x) => x);
		expect(again.code).toBe('NOT_FOUND');
		expect(await s.audits('conclusion.delete')).toHaveLength(1);
	});
});
