// Covers: loadDemo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import type { DbHandle } from '../db';
import { organizers } from '../db/schema';
import { findIndicatorChanges } from '../planning/effects/find-indicator-changes';
import { DEMO_SLUG } from './plan-demo';
import { loadDemo } from './load-demo';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
	await loadDemo(h.db);
}, 360_000);
afterAll(() => h.close());

describe('the demo effect chains', () => {
	it('are two, with computed self-assessment indicators that moved between the closed rounds and linked actions', async () => {
		const [org] = await h.db.select().from(organizers).where(eq(organizers.slug, DEMO_SLUG));
		const leader = {
			personId: 'demo-reader',
			name: 'Läsare',
			assignments: [{ organizerId: org.id, unitId: null, role: 'leadership' as const }]
		};
		const changes = await findIndicatorChanges(h.db, leader, org.id);
		const chains = [...new Set(changes.map((c) => c.chainId))];
		expect(chains).toHaveLength(2);
		for (const id of chains) {
			const mean = changes.find((c) => c.chainId === id && c.kind === 'assessment_mean')!;
			expect(mean.latest?.value).toEqual(expect.any(Number));
			expect(mean.movement).toBe('moved');
		}
		expect(changes.some((c) => c.unitId !== null)).toBe(true);
		const manual = changes.find((c) => c.kind === 'manual')!;
		expect(manual).toMatchObject({ baseline: 0.3, latest: { value: 0.6 }, movement: 'moved' });
	});
});
