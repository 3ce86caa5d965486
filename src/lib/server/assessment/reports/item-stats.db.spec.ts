// Covers: rebuildItemStats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildResponse, buildRound } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentItemStats } from '../../db/schema';
import { rebuildItemStats } from './item-stats';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const statsOf = async (roundId: string) =>
	(await h.db.select().from(assessmentItemStats).where(eq(assessmentItemStats.roundId, roundId))).sort((a, b) =>
		`${a.unitId}${a.perspective}${a.itemKey}` < `${b.unitId}${b.perspective}${b.itemKey}` ? -1 : 1
	);

describe('running sums of submitted answers', () => {
	it('count each submitted response once and leave drafts out, exactly as a rebuild from the answers does', async () => {
		const round = await buildRound(h.db);
		const unitId = round.units[0].id;
		await buildResponse(h.db, { round, unitId, perspective: 'staff', answers: { 'ns.a.b': 2, 'ns.a.c': 'dont_know' } });
		await buildResponse(h.db, { round, unitId, perspective: 'staff', answers: { 'ns.a.b': 4, 'ns.a.c': 'not_applicable' } });
		await buildResponse(h.db, { round, unitId, perspective: 'staff', answers: { 'ns.a.b': 1 }, submitted: false });
		const incremental = await statsOf(round.id);
		const b = incremental.find((r) => r.itemKey === 'ns.a.b')!;
		expect([b.n, b.sum, b.sumSq]).toEqual([2, 6, 20]);
		const c = incremental.find((r) => r.itemKey === 'ns.a.c')!;
		expect([c.n, c.dontKnow, c.notApplicable]).toEqual([0, 1, 1]);
		await rebuildItemStats(h.db, round.id);
		expect(await statsOf(round.id)).toEqual(incremental);
	});
});
