// Covers: createRound, updateRound, closeRound, findRounds, addCustomItem, getRoundItems, getRound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { Db, DbHandle } from '../../db';
import { assessmentCustomItems, assessmentLinks, assessmentRoundUnits, assessmentRounds, auditEvents } from '../../db/schema';
import type { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { createRound } from './create-round';
import { updateRound } from './update-round';
import { closeRound } from './close-round';
import { findRounds } from './find-rounds';
import { addCustomItem } from './add-custom-item';
import { getRoundItems } from './round-items';
import { getRound } from './get-round';
import type { RoundInput } from './round-input';

let h: DbHandle;
let organizerId: string;
let admin: Actor;
let unitA: string;
let unitB: string;
let foreignUnit: string;
beforeAll(async () => {
	h = await createTestDatabase();
	const org = await buildOrganizer(h.db, { settings: { anonymityThreshold: 7 } });
	organizerId = org.id;
	admin = await buildActor(h.db, [{ role: 'org_admin', organizerId }]);
	unitA = (await buildUnit(h.db, { organizerId, name: 'Alfaskolan' })).id;
	unitB = (await buildUnit(h.db, { organizerId, name: 'Betaskolan' })).id;
	foreignUnit = (await buildUnit(h.db)).id;
});
afterAll(() => h.close());

const input = (o: Partial<RoundInput> = {}): RoundInput => ({
	name: 'Hösten 2026',
	framework: 'nationella-strategin@2026.1',
	unitIds: [unitA, unitB],
	perspectives: ['staff', 'leadership'],
	opensOn: '2026-09-01',
	closesOn: '2099-09-30',
	...o
});

/** Everything the round functions write, to compare before and after a refused call. */
async function snapshot(db: Db) {
	return {
		rounds: await db.select().from(assessmentRounds).orderBy(asc(assessmentRounds.id)),
		units: await db.select().from(assessmentRoundUnits).orderBy(asc(assessmentRoundUnits.roundId), asc(assessmentRoundUnits.unitId)),
		items: await db.select().from(assessmentCustomItems).orderBy(asc(assessmentCustomItems.id)),
		links: await db.select().from(assessmentLinks).orderBy(asc(assessmentLinks.id)),
		audit: (await db.select({ n: auditEvents.id }).from(auditEvents)).length
	};
}

/** Runs a call that must fail, checks that nothing changed, and returns the error. */
async function refused(call: () => Promise<unknown>): Promise<AppError> {
	const before = await snapshot(h.db);
	const e = (await call().then(
		() => {
			throw new Error('expected the call to fail');
		},
		(x: AppError) => x
	)) as AppError;
	expect(e.name).toBe('AppError');
	expect(await snapshot(h.db)).toEqual(before);
	return e;
}
const fields = (e: AppError) => Object.fromEntries(e.issues.map((i) => [i.field, i.message]));

describe('creating a round', () => {
	it('stores the round with its units, perspectives in a fixed order and the organizer threshold, and audits it', async () => {
		const round = await createRound(h.db, { actor: admin, organizerId, input: input({ perspectives: ['staff', 'leadership'] }) });
		const stored = await getRound(h.db, { organizerId, roundId: round.id });
		expect(stored).toMatchObject({
			name: 'Hösten 2026',
			frameworkKey: 'nationella-strategin',
			frameworkVersion: '2026.1',
			perspectives: ['leadership', 'staff'],
			anonymityThreshold: 7,
			createdBy: admin.personId
		});
		expect(stored.unitIds.sort()).toEqual([unitA, unitB].sort());
		const [audit] = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, round.id));
		expect(audit).toMatchObject({ action: 'assessment_round.create', actorId: admin.personId, organizerId });
		expect(audit.changes).toMatchObject({ name: [null, 'Hösten 2026'], perspectives: [null, ['leadership', 'staff']] });
	});

	it('refuses a close date before the open date, with the message at the close date, and writes nothing', async () => {
		const e = await refused(() =>
			createRound(h.db, { actor: admin, organizerId, input: input({ opensOn: '2026-10-01', closesOn: '2026-09-30' }) })
		);
		expect(e.code).toBe('INVALID');
		expect(fields(e)).toEqual({ closesOn: 'rounds_error_closes_before_opens' });
	});

	it('refuses a unit of another organizer', async () => {
		const e = await refused(() => createRound(h.db, { actor: admin, organizerId, input: input({ unitIds: [unitA, foreignUnit] }) }));
		expect(fields(e)).toEqual({ unitIds: 'rounds_error_unit_not_found' });
	});

	it('refuses no units, no perspectives, an unknown framework, a bad date and an empty name in one go', async () => {
		const e = await refused(() =>
			createRound(h.db, {
				actor: admin,
				organizerId,
				input: input({ name: ' ', unitIds: [], perspectives: ['teachers'], opensOn: '2026-02-30' })
			})
		);
		expect(fields(e)).toEqual({
			name: 'rounds_error_name_required',
			unitIds: 'rounds_error_units_required',
			perspectives: 'rounds_error_perspectives_required',
			opensOn: 'rounds_error_date_format'
		});
		const unknown = await refused(() =>
			createRound(h.db, { actor: admin, organizerId, input: input({ framework: 'nationella-strategin@1999.1' }) })
		);
		expect(fields(unknown)).toEqual({ framework: 'rounds_error_framework_unknown' });
	});

	it('is for organization administrators and förvaltningsledning only', async () => {
		const leader = await buildActor(h.db, [{ role: 'leadership', organizerId }]);
		await expect(createRound(h.db, { actor: leader, organizerId, input: input() })).resolves.toBeTruthy();
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId, unitId: unitA }]);
		const e = await refused(() => createRound(h.db, { actor: principal, organizerId, input: input() }));
		expect(e.code).toBe('FORBIDDEN');
	});
});

describe('changing a round', () => {
	it('changes name, dates, units and perspectives, drops links of removed units, and audits only what changed', async () => {
		const round = await createRound(h.db, { actor: admin, organizerId, input: input() });
		await h.db
			.insert(assessmentLinks)
			.values({ organizerId, roundId: round.id, unitId: unitB, perspective: 'staff', token: `t-${round.id}` });
		await updateRound(h.db, {
			actor: admin,
			organizerId,
			roundId: round.id,
			input: input({ name: 'Våren 2027', unitIds: [unitA], perspectives: ['staff', 'students'] })
		});
		const stored = await getRound(h.db, { organizerId, roundId: round.id });
		expect(stored).toMatchObject({ name: 'Våren 2027', unitIds: [unitA], perspectives: ['staff', 'students'] });
		expect(await h.db.select().from(assessmentLinks).where(eq(assessmentLinks.roundId, round.id))).toEqual([]);
		const [audit] = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessment_round.update'));
		expect(Object.keys(audit.changes).sort()).toEqual(['name', 'perspectives', 'unitIds']);
	});

	it('cannot remove a unit or a perspective that has responses, nor change the framework then', async () => {
		const round = await createRound(h.db, { actor: admin, organizerId, input: input() });
		await buildResponse(h.db, { round: { ...round, closedAt: null } as never, unitId: unitB, perspective: 'staff', answers: {} });
		const e = await refused(() =>
			updateRound(h.db, {
				actor: admin,
				organizerId,
				roundId: round.id,
				input: input({ unitIds: [unitA], perspectives: ['leadership'], framework: 'supportorganisationen@2026.1' })
			})
		);
		expect(fields(e)).toEqual({
			framework: 'rounds_error_framework_locked',
			unitIds: 'rounds_error_unit_has_responses',
			perspectives: 'rounds_error_perspective_has_responses'
		});
	});

	it('cannot change a closed round', async () => {
		const round = await buildRound(h.db, { organizerId, units: [], opensOn: '2025-09-01', closesOn: '2025-09-30' });
		const e = await refused(() => updateRound(h.db, { actor: admin, organizerId, roundId: round.id, input: input() }));
		expect(e.code).toBe('CONFLICT');
		expect(e.message).toBe('rounds_error_closed');
	});

	it('does not find another organizer’s round', async () => {
		const other = await buildRound(h.db);
		const e = await refused(() => updateRound(h.db, { actor: admin, organizerId, roundId: other.id, input: input() }));
		expect(e.code).toBe('NOT_FOUND');
	});
});

describe('closing a round', () => {
	it('closes an open round now and audits it; a second close is refused', async () => {
		const round = await createRound(h.db, { actor: admin, organizerId, input: input() });
		await closeRound(h.db, { actor: admin, organizerId, roundId: round.id });
		const stored = await getRound(h.db, { organizerId, roundId: round.id });
		expect(stored.closedAt).toBeInstanceOf(Date);
		const [audit] = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessment_round.close'));
		expect(audit.entityId).toBe(round.id);
		const again = await refused(() => closeRound(h.db, { actor: admin, organizerId, roundId: round.id }));
		expect(again.code).toBe('CONFLICT');
	});

	it('refuses to close a round before it has opened', async () => {
		const round = await createRound(h.db, { actor: admin, organizerId, input: input({ opensOn: '2098-01-01', closesOn: '2098-02-01' }) });
		const e = await refused(() => closeRound(h.db, { actor: admin, organizerId, roundId: round.id }));
		expect(e.message).toBe('rounds_error_not_open_yet');
	});
});

describe('own items', () => {
	const item = {
		subGoalId: '1.1',
		statement: 'Vi följer läsutvecklingen digitalt',
		level1: 'Inte alls',
		level2: 'Några lärare',
		level3: 'De flesta lärare',
		level4: 'Alla, och vi följer upp det',
		perspectives: ['staff']
	};

	it('adds an item with an egen. key under a sub-goal, shown among the round items, with a new key the second time', async () => {
		const round = await createRound(h.db, { actor: admin, organizerId, input: input() });
		const first = await addCustomItem(h.db, { actor: admin, organizerId, roundId: round.id, input: item });
		const second = await addCustomItem(h.db, { actor: admin, organizerId, roundId: round.id, input: item });
		expect(first.key).toBe('egen.vi-foljer-lasutvecklingen-digitalt');
		expect(second.key).toBe('egen.vi-foljer-lasutvecklingen-digitalt-2');
		const { items } = await getRoundItems(h.db, await getRound(h.db, { organizerId, roundId: round.id }), 'staff');
		const own = items.find((i) => i.key === first.key)!;
		expect(own).toMatchObject({ custom: true, subGoalId: '1.1', statement: { sv: item.statement, en: item.statement } });
		expect(own.levels[4].sv).toBe('Alla, och vi följer upp det');
		const audits = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessment_custom_item.create'));
		expect(audits.length).toBeGreaterThanOrEqual(2);
	});

	it('refuses an unknown sub-goal, a perspective outside the round, missing levels and a closed round', async () => {
		const round = await createRound(h.db, { actor: admin, organizerId, input: input() });
		const bad = await refused(() =>
			addCustomItem(h.db, { actor: admin, organizerId, roundId: round.id, input: { ...item, subGoalId: '99', perspectives: ['students'] } })
		);
		expect(fields(bad)).toEqual({ subGoalId: 'rounds_error_sub_goal_required', perspectives: 'rounds_error_perspective_not_in_round' });
		const empty = await refused(() =>
			addCustomItem(h.db, { actor: admin, organizerId, roundId: round.id, input: { ...item, level3: '' } })
		);
		expect(fields(empty)).toEqual({ level3: 'rounds_error_level_required' });
		const closed = await buildRound(h.db, { organizerId, units: [], closedAt: new Date() });
		expect((await refused(() => addCustomItem(h.db, { actor: admin, organizerId, roundId: closed.id, input: item }))).code).toBe(
			'CONFLICT'
		);
	});
});

describe('listing rounds', () => {
	it('shows every round to administrators and only rounds with their units to a principal', async () => {
		const org = await buildOrganizer(h.db);
		const [u1, u2] = [await buildUnit(h.db, { organizerId: org.id }), await buildUnit(h.db, { organizerId: org.id })];
		const orgAdmin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId: org.id, unitId: u1.id }]);
		const mine = await buildRound(h.db, { organizer: org, units: [u1] });
		const theirs = await buildRound(h.db, { organizer: org, units: [u2] });
		expect((await findRounds(h.db, { actor: orgAdmin, organizerId: org.id })).map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
		const seen = await findRounds(h.db, { actor: principal, organizerId: org.id });
		expect(seen.map((r) => r.id)).toEqual([mine.id]);
		expect(seen[0]).toMatchObject({ status: 'open', unitCount: 1 });
	});
});
