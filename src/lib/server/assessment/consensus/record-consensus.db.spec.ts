// Covers: recordConsensus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentConsensus, auditEvents } from '../../db/schema';
import { recordConsensus } from './record-consensus';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.programmering';
const OTHER_ITEM = 'ns.1-1.skolbibliotek';

async function setup(o: { opensOn?: string; closedAt?: Date } = {}) {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const round = await buildRound(h.db, { organizer, units: [unit], ...o });
	const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const base = { actor: principal, organizerId: organizer.id, roundId: round.id, unitId: unit.id };
	const rows = () => h.db.select().from(assessmentConsensus).where(eq(assessmentConsensus.roundId, round.id));
	const audits = () =>
		h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizer.id), eq(auditEvents.entityType, 'assessment_consensus')));
	return { organizer, unit, round, principal, base, rows, audits };
}

describe('recording the unit’s agreed levels', () => {
	it('stores level, evidence and note and audits the change with before and after', async () => {
		const s = await setup();
		const n = await recordConsensus(h.db, {
			...s.base,
			entries: [{ itemKey: ITEM, value: '2', evidence: 'Enkät i åk 9', note: 'Tas upp i ht' }]
		});
		expect(n).toBe(1);
		expect((await s.rows())[0]).toMatchObject({
			itemKey: ITEM,
			level: 2,
			special: null,
			evidence: 'Enkät i åk 9',
			note: 'Tas upp i ht',
			decidedBy: s.principal.personId
		});
		await recordConsensus(h.db, {
			...s.base,
			entries: [{ itemKey: ITEM, value: 'dont_know', evidence: 'Enkät i åk 9', note: 'Tas upp i ht' }]
		});
		const audits = await s.audits();
		expect(audits.map((a) => a.action)).toEqual(['consensus.create', 'consensus.update']);
		expect(audits[1].changes).toEqual({ level: [2, null], special: [null, 'dont_know'] });
	});

	it('leaves unchanged and unanswered items alone', async () => {
		const s = await setup();
		await recordConsensus(h.db, { ...s.base, entries: [{ itemKey: ITEM, value: '3', evidence: '', note: '' }] });
		const n = await recordConsensus(h.db, {
			...s.base,
			entries: [
				{ itemKey: ITEM, value: '3', evidence: '', note: '' },
				{ itemKey: OTHER_ITEM, value: '', evidence: '', note: '' }
			]
		});
		expect(n).toBe(0);
		expect(await s.rows()).toHaveLength(1);
		expect(await s.audits()).toHaveLength(1);
	});

	it('is allowed after the round has closed', async () => {
		const s = await setup({ closedAt: new Date() });
		expect(await recordConsensus(h.db, { ...s.base, entries: [{ itemKey: ITEM, value: '4', evidence: '', note: '' }] })).toBe(1);
	});
});

describe('bad consensus input changes nothing', () => {
	it('rejects a key that is not in the round, even next to a good one', async () => {
		const s = await setup();
		const e = await recordConsensus(h.db, {
			...s.base,
			entries: [
				{ itemKey: ITEM, value: '3', evidence: '', note: '' },
				{ itemKey: 'ns.9-9.finns-inte', value: '2', evidence: '', note: '' }
			]
		}).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues[0].message).toBe('consensus_error_unknown_item');
		expect(await s.rows()).toEqual([]);
		expect(await s.audits()).toEqual([]);
	});

	it('rejects level 5 and names the item’s field', async () => {
		const s = await setup();
		const e = await recordConsensus(h.db, { ...s.base, entries: [{ itemKey: ITEM, value: '5' as '4', evidence: '', note: '' }] }).catch(
			(x) => x
		);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: `${ITEM}-value`, message: 'consensus_error_value' }]);
		expect(await s.rows()).toEqual([]);
	});

	it('asks for a level when evidence is given without one', async () => {
		const s = await setup();
		const e = await recordConsensus(h.db, { ...s.base, entries: [{ itemKey: ITEM, value: '', evidence: 'Något', note: '' }] }).catch(
			(x) => x
		);
		expect(e.issues).toEqual([{ field: `${ITEM}-value`, message: 'consensus_error_level_required' }]);
		expect(await s.rows()).toEqual([]);
	});

	it('does not find a unit of another organizer, even for a principal there', async () => {
		const s = await setup();
		const elsewhere = await buildUnit(h.db);
		const theirPrincipal = await buildActor(h.db, [{ role: 'principal', organizerId: elsewhere.organizerId, unitId: elsewhere.id }]);
		const asThem = await recordConsensus(h.db, {
			...s.base,
			actor: theirPrincipal,
			organizerId: elsewhere.organizerId,
			entries: [{ itemKey: ITEM, value: '2', evidence: '', note: '' }]
		}).catch((x) => x);
		expect(asThem.code).toBe('NOT_FOUND');
		const tampered = await recordConsensus(h.db, {
			...s.base,
			unitId: elsewhere.id,
			entries: [{ itemKey: ITEM, value: '2', evidence: '', note: '' }]
		}).catch((x) => x);
		expect(tampered.code).toBe('NOT_FOUND');
		expect(await s.rows()).toEqual([]);
		expect(await h.db.select().from(assessmentConsensus).where(eq(assessmentConsensus.unitId, elsewhere.id))).toEqual([]);
	});

	it('refuses staff and a round that has not opened', async () => {
		const s = await setup();
		const teacher = await buildActor(h.db, [{ role: 'staff', organizerId: s.organizer.id, unitId: s.unit.id }]);
		const e = await recordConsensus(h.db, {
			...s.base,
			actor: teacher,
			entries: [{ itemKey: ITEM, value: '2', evidence: '', note: '' }]
		}).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
		const later = await setup({ opensOn: '2099-01-01' });
		const e2 = await recordConsensus(h.db, { ...later.base, entries: [{ itemKey: ITEM, value: '2', evidence: '', note: '' }] }).catch(
			(x) => x
		);
		expect(e2.code).toBe('CONFLICT');
		expect(await s.rows()).toEqual([]);
		expect(await later.rows()).toEqual([]);
	});
});
