// Covers: buildDemoQuestions (src/lib/server/demo/build-demo-questions.ts).
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrganizer, buildPerson } from '../../../../../tests/factories';
import { dutyRoster, notifications, qaQuestions, searchDocuments } from '../../db/schema';
import { buildDemoQuestions } from '../../demo/build-demo-questions';
import type { DemoOrganizer, DemoPersonRef } from '../../demo/build-demo-organizer';
import { thisMonday } from './week';

const t = useTestDatabase();

describe('the demo’s colleague questions', () => {
	it('writes answered, accepted and waiting questions, indexed, and nine weeks of duty, without any notification', async () => {
		const organizer = await buildOrganizer(t.db);
		const refs = async (n: number): Promise<DemoPersonRef[]> =>
			Promise.all(
				Array.from({ length: n }, async () => {
					const p = await buildPerson(t.db, { memberOf: organizer.id });
					return { id: p.id, name: p.name, email: p.email, unitKey: null };
				})
			);
		const none: DemoPersonRef[] = [];
		const demo: DemoOrganizer = {
			organizerId: organizer.id,
			units: {},
			unitPlans: [],
			signIns: [],
			people: {
				org_admin: none,
				leadership: none,
				principal: none,
				pedagogical_key_person: await refs(2),
				technical_key_person: await refs(2),
				central_pedagogical_support: await refs(1),
				central_technical_support: await refs(1),
				supplier: none,
				staff: await refs(10),
				student: none,
				guardian: none,
				reader: none,
				data_protection_officer: none
			}
		};
		const made = await buildDemoQuestions(t.db, demo);
		expect(made).toEqual({ questions: 8, roster: 18 });
		const rows = await t.db.select().from(qaQuestions).where(eq(qaQuestions.organizerId, organizer.id));
		expect(rows).toHaveLength(8);
		expect(rows.filter((r) => r.acceptedAnswerId).length).toBeGreaterThanOrEqual(4);
		const indexed = await t.db
			.select()
			.from(searchDocuments)
			.where(
				inArray(
					searchDocuments.sourceId,
					rows.map((r) => r.id)
				)
			);
		expect(indexed).toHaveLength(8);
		const thisWeek = await t.db.select().from(dutyRoster).where(eq(dutyRoster.weekStart, thisMonday()));
		expect(
			thisWeek
				.filter((r) => r.organizerId === organizer.id)
				.map((r) => r.chain)
				.sort()
		).toEqual(['pedagogical', 'technical']);
		expect(await t.db.select().from(notifications).where(eq(notifications.organizerId, organizer.id))).toHaveLength(0);
	});
});
