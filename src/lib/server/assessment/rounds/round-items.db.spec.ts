// Covers: getRoundItems.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildRound } from '../../../../../tests/factories';
import { matchItems } from '../framework/compare-versions';
import { getFramework } from '../framework/get-framework';
import { getRoundItems } from './round-items';

const t = useTestDatabase();
const OWN_PLAN = 'ns.0.strategin-pa-enheterna';
const PROGRAMMING = 'ns.1-1.programmering';

describe('items worded for the perspective that answers them (framework 2026.2)', () => {
	it('asks staff and students about their own school, leaders and reports keep the general statement', async () => {
		const round = await buildRound(t.db, { frameworkVersion: '2026.2' });
		const statement = async (perspective: string | undefined, key: string) =>
			(await getRoundItems(t.db, round, perspective)).items.find((i) => i.key === key)?.statement.sv;
		expect(await statement('staff', OWN_PLAN)).toMatch(/^Min enhet/);
		expect(await statement('leadership', OWN_PLAN)).toMatch(/^Varje enhet/);
		expect(await statement(undefined, OWN_PLAN)).toMatch(/^Varje enhet/);
		expect(await statement('students', PROGRAMMING)).toMatch(/^Vi elever/);
		// Students are not asked what they cannot know: the unit plan is not among their items at all.
		expect(await statement('students', OWN_PLAN)).toBeUndefined();
	});

	it('keeps every key of 2026.1, so rounds on either version compare item by item', async () => {
		const diff = matchItems(await getFramework('nationella-strategin', '2026.1'), await getFramework('nationella-strategin', '2026.2'));
		expect(diff).toMatchObject({ added: [], removed: [], replaced: [] });
		expect(diff.matched).toHaveLength(52);
	});
});
