// Covers: buildDemoForums, createRandom.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { planningDecisions, planningForums, planningMeetings } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { getMeeting } from '../planning/forums/get-meeting';
import { buildDemoForums } from './build-demo-forums';
import type { DemoOrganizer } from './build-demo-organizer';
import { createRandom } from './random';

const t = useTestDatabase();

describe('the demo IT-råd', () => {
	it('has four published meetings with decisions done and open, one overdue, and a coming meeting that carries the open ones', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const ref = async (role: 'leadership' | 'org_admin' | 'technical_key_person' | 'principal', unitId: string | null) => {
			const a = await buildActor(t.db, [{ role, organizerId: organizer.id, unitId }]);
			return { actor: a, ref: { id: a.personId, name: a.name, email: `${a.personId}@exempel.se`, unitKey: null } };
		};
		const leader = await ref('leadership', null);
		const admin = await ref('org_admin', null);
		const key = await ref('technical_key_person', unit.id);
		const principal = await ref('principal', unit.id);
		const empty = {
			central_technical_support: [],
			central_pedagogical_support: [],
			pedagogical_key_person: [],
			supplier: [],
			staff: [],
			student: [],
			guardian: [],
			reader: []
		};
		const demo = {
			organizerId: organizer.id,
			units: {},
			unitPlans: [],
			signIns: [],
			people: { ...empty, leadership: [leader.ref], org_admin: [admin.ref], technical_key_person: [key.ref], principal: [principal.ref] }
		} as unknown as DemoOrganizer;

		const counts = await buildDemoForums(t.db, demo, createRandom(8));
		expect(counts).toEqual({ forums: 2, meetings: 5, decisions: 7, actions: 3 });
		const [itRad] = await t.db.select().from(planningForums).where(eq(planningForums.name, 'IT-råd'));
		const meetings = await t.db
			.select()
			.from(planningMeetings)
			.where(eq(planningMeetings.forumId, itRad.id))
			.orderBy(planningMeetings.startsAt);
		expect(meetings.map((m) => !!m.publishedAt)).toEqual([true, true, true, true, false]);
		const decisions = await t.db.select().from(planningDecisions).where(eq(planningDecisions.forumId, itRad.id));
		const today = todayInStockholm();
		expect(decisions.filter((d) => d.status === 'done')).toHaveLength(3);
		expect(decisions.filter((d) => d.status === 'open' && d.dueOn! < today)).toHaveLength(1);
		expect(decisions.filter((d) => d.actionId)).toHaveLength(1);

		const coming = await getMeeting(t.db, { actor: leader.actor, organizerId: organizer.id, forumId: itRad.id, meetingId: meetings[4].id });
		expect(coming.items.filter((i) => i.kind === 'decision')).toHaveLength(4);
		expect(coming.items.filter((i) => i.kind === 'overdue')).toHaveLength(1);
		const last = await getMeeting(t.db, { actor: leader.actor, organizerId: organizer.id, forumId: itRad.id, meetingId: meetings[3].id });
		expect(last.items.every((i) => i.minutes.length > 0)).toBe(true);
		expect(last.members.filter((m) => m.present === false)).toHaveLength(1);
	});
});
