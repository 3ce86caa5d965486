// Covers: buildDemoGuidance
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { guidanceSessions } from '../db/schema';
import { findSessions } from '../knowledge/guidance/find-sessions';
import { buildDemoGuidance } from './build-demo-guidance';
import type { DemoOrganizer } from './build-demo-organizer';

const t = useTestDatabase();

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', weekday: 'long', hour: '2-digit', minute: '2-digit' });

async function demoOrganizer(): Promise<{ demo: DemoOrganizer; staff: Awaited<ReturnType<typeof buildActor>> }> {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const ref = async (role: 'central_pedagogical_support' | 'pedagogical_key_person' | 'staff', unitKey: string | null) => {
		const a = await buildActor(t.db, [{ role, organizerId: organizer.id, unitId: unitKey ? unit.id : null }]);
		return { actor: a, ref: { id: a.personId, name: a.name, email: `${a.personId}@exempel.se`, unitKey } };
	};
	const central = await ref('central_pedagogical_support', null);
	const key = await ref('pedagogical_key_person', 'skola');
	const staff = [await ref('staff', 'skola'), await ref('staff', 'skola')];
	const none = { org_admin: [], leadership: [], principal: [], technical_key_person: [], central_technical_support: [], supplier: [] };
	const demo = {
		organizerId: organizer.id,
		units: { skola: unit.id },
		unitPlans: [],
		people: {
			...none,
			central_pedagogical_support: [central.ref],
			pedagogical_key_person: [key.ref],
			staff: staff.map((s) => s.ref),
			student: [],
			guardian: [],
			reader: [],
			data_protection_officer: []
		},
		signIns: []
	} as DemoOrganizer;
	return { demo, staff: staff[0].actor };
}

describe('the demo guidance', () => {
	it('offers a weekly Onlinestuga on Wednesdays, an IKT-café and 1–1 times in the coming weeks, some already booked', async () => {
		const { demo, staff } = await demoOrganizer();
		const now = new Date('2026-12-03T09:00:00Z');
		expect(await buildDemoGuidance(t.db, demo, { now })).toEqual({ sessions: 13, bookings: 3 });
		const rows = await t.db.select().from(guidanceSessions).where(eq(guidanceSessions.organizerId, demo.organizerId));
		const stuga = rows.filter((r) => r.title === 'Onlinestuga').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
		expect(stuga).toHaveLength(6);
		expect(new Set(stuga.map((s) => s.seriesId)).size).toBe(1);
		expect(stuga.every((s) => stockholm.format(s.startsAt) === 'onsdag 15:00' && s.meetingUrl && s.seats === 12)).toBe(true);
		expect(rows.every((r) => r.startsAt > now && r.endsAt > r.startsAt)).toBe(true);
		expect(rows.filter((r) => r.kind === 'one_to_one').every((r) => r.seats === 1 && (r.meetingUrl || r.unitId))).toBe(true);

		const seen = await findSessions(t.db, { actor: staff, organizerId: demo.organizerId, now });
		expect(seen).toHaveLength(13);
		expect(seen.find((s) => s.id === stuga[0].id)).toMatchObject({ free: 10, mine: true });
	});

	it('lays out the same times for the same day', async () => {
		const now = new Date('2027-03-24T12:00:00Z');
		const times = async () => {
			const { demo } = await demoOrganizer();
			await buildDemoGuidance(t.db, demo, { now });
			const rows = await t.db.select().from(guidanceSessions).where(eq(guidanceSessions.organizerId, demo.organizerId));
			return rows.map((r) => `${r.title} ${r.startsAt.toISOString()}`).sort();
		};
		expect(await times()).toEqual(await times());
	});
});
