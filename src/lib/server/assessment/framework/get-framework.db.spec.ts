// Covers: getFramework.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildResponse, buildRound } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentAnswers } from '../../db/schema';
import { getFramework } from './get-framework';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

describe('rounds and answers', () => {
	it('store answers against the keys of the shipped framework version', async () => {
		const fw = await getFramework('nationella-strategin', '2026.1');
		const key = fw.areas[0].sub_goals[0].items[0].key;
		const round = await buildRound(h.db);
		await buildResponse(h.db, { round, unitId: round.units[0].id, perspective: 'staff', answers: { [key]: 3 } });
		const [{ n }] = await h.db.select({ n: count() }).from(assessmentAnswers);
		expect(n).toBe(1);
	});

	it('refuse a level outside 1–4 in the database itself', async () => {
		const round = await buildRound(h.db);
		await expect(
			buildResponse(h.db, { round, unitId: round.units[0].id, perspective: 'staff', answers: { 'ns.x.y': 5 } })
		).rejects.toThrow();
	});

	it('say NOT_FOUND for an unknown framework or a path trick', async () => {
		await expect(getFramework('finns-inte', '2026.1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(getFramework('../secret', '2026.1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});
