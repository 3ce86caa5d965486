/**
 * Bench data shared by the benches: an organizer with `units` school units and a closed round of the national
 * framework (custom items added up to `items`), `respondents` anonymous submitted responses per unit in the
 * perspective mix below, answers generated in the database, and the item sums rebuilt.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';
import { assessmentCustomItems, assessmentRoundUnits, assessmentRounds, organizers, units } from '../src/lib/server/db/schema';
import { rebuildItemStats } from '../src/lib/server/assessment/reports/item-stats';
import { getFramework } from '../src/lib/server/assessment/framework/get-framework';
import { swedishSortKey } from '../src/lib/sort-key';

/** Per 30 respondents of a unit: 2 leaders (always suppressed), 10 staff, 15 students, 3 key people (suppressed). */
const MIX = [...Array(2).fill('leadership'), ...Array(10).fill('staff'), ...Array(15).fill('students'), ...Array(3).fill('key_people')];

export async function fillRound(db: Db, opts: { units: number; items: number; respondents: number }) {
	const { units: UNITS, items: ITEMS, respondents: RESPONDENTS } = opts;
	const [organizer] = await db
		.insert(organizers)
		.values({ slug: `bench-${Date.now()}`, name: 'Benchkommun', kind: 'kommun' })
		.returning();
	const unitRows = await db
		.insert(units)
		.values(
			Array.from({ length: UNITS }, (_, i) => ({
				organizerId: organizer.id,
				name: `Skola ${i + 1}`,
				nameSort: swedishSortKey(`Skola ${i + 1}`),
				kind: 'skolenhet'
			}))
		)
		.returning({ id: units.id });
	const [round] = await db
		.insert(assessmentRounds)
		.values({
			organizerId: organizer.id,
			name: 'Bench',
			frameworkKey: 'nationella-strategin',
			frameworkVersion: '2026.1',
			perspectives: ['leadership', 'staff', 'students', 'key_people'],
			opensOn: '2026-01-01',
			closesOn: '2026-12-31',
			// Closed: the report shows answer figures only once a round has closed (decision 014).
			closedAt: new Date()
		})
		.returning();
	await db.insert(assessmentRoundUnits).values(unitRows.map((u) => ({ roundId: round.id, unitId: u.id, organizerId: organizer.id })));

	const framework = await getFramework('nationella-strategin', '2026.1');
	const frameworkItems = framework.areas.flatMap((a) => a.sub_goals.flatMap((s) => s.items.map((i) => ({ item: i, subGoalId: s.id }))));
	const extra = ITEMS - frameworkItems.length;
	if (extra > 0) {
		await db.insert(assessmentCustomItems).values(
			Array.from({ length: extra }, (_, i) => {
				const base = frameworkItems[i % frameworkItems.length];
				return {
					organizerId: organizer.id,
					roundId: round.id,
					key: `egen.bench-${i + 1}`,
					subGoalId: base.subGoalId,
					content: { ...base.item, key: undefined }
				};
			})
		);
	}
	const itemKeys = [
		...frameworkItems.map((f) => f.item.key),
		...Array.from({ length: Math.max(0, extra) }, (_, i) => `egen.bench-${i + 1}`)
	].slice(0, ITEMS);

	// Responses and answers are generated in the database: one multi-row INSERT … SELECT each.
	const perspectives = JSON.stringify(Array.from({ length: RESPONDENTS }, (_, i) => MIX[i % MIX.length]));
	await db.execute(sql`
		INSERT INTO assessment_responses (organizer_id, round_id, unit_id, perspective, resume_token_hash, submitted_at)
		SELECT ${organizer.id}, ${round.id}, ru.unit_id, (${perspectives}::jsonb ->> (g - 1)), md5(ru.unit_id::text || g), now()
		FROM assessment_round_units ru CROSS JOIN generate_series(1, ${RESPONDENTS}) g
		WHERE ru.round_id = ${round.id}`);
	await db.execute(sql`
		INSERT INTO assessment_answers (response_id, organizer_id, item_key, level, special, comment)
		SELECT r.id, ${organizer.id}, k.key,
			CASE WHEN h % 10 = 0 THEN NULL ELSE 1 + (h % 4) END,
			CASE WHEN h % 10 = 0 THEN 'dont_know' END,
			CASE WHEN h % 97 = 0 THEN 'En kommentar' END
		FROM assessment_responses r
		CROSS JOIN jsonb_array_elements_text(${JSON.stringify(itemKeys)}::jsonb) AS k(key)
		CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text || k.key)) AS h) x
		WHERE r.round_id = ${round.id}`);
	// Submissions keep running sums per item; a bulk load builds them once.
	await rebuildItemStats(db, round.id);
	await db.execute(sql`ANALYZE`);
	return { organizer, round, unitIds: unitRows.map((u) => u.id), itemKeys };
}
