// Covers: countGuidance, loadFollowupPicture (the 1.3 guidance figure; the 2.1 device counts for follow-up readers
// without the device register, rule followup.device_figures).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildGuidanceSession, buildOrganizer, buildPerson } from '../../../../../tests/factories';
import { eq } from 'drizzle-orm';
import { guidanceBookings, guidanceSessions } from '../../db/schema';
import { can } from '../../policies';
import { todayInStockholm } from '../../auth/load-actor';
import { schoolYearOf } from '../../support/followup/school-years';
import { countGuidance } from '../../knowledge/guidance/count-guidance';
import { countDaysWithout } from '../../devices/count-days-without';
import { loadFollowupPicture } from './load-followup-picture';

const t = useTestDatabase();
const HOUR = 3_600_000;

const figureOf = (p: Awaited<ReturnType<typeof loadFollowupPicture>>, sg: string, key: string) =>
	p.subGoals.find((s) => s.id === sg)?.operations?.find((f) => f.key === key) ?? null;

describe('guidance in the one picture (sub-goal 1.3)', () => {
	it('counts the sessions held and the seats booked in them, as the knowledge module counts them', async () => {
		const organizer = await buildOrganizer(t.db);
		const organizerId = organizer.id;
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId }]);
		const host = await buildPerson(t.db, { roles: [{ role: 'central_pedagogical_support', organizerId }] });
		const year = schoolYearOf(todayInStockholm());
		const held = await buildGuidanceSession(t.db, {
			organizerId,
			hostId: host.id,
			kind: 'drop_in',
			seats: 5,
			startsAt: new Date(Date.now() - 2 * HOUR)
		});
		await buildGuidanceSession(t.db, { organizerId, hostId: host.id, startsAt: new Date(Date.now() - 3 * HOUR) }).then(async (s) => {
			// Cancelled: not held, its booking not counted.
			await t.db.update(guidanceSessions).set({ cancelledAt: new Date() }).where(eq(guidanceSessions.id, s.id));
			await t.db.insert(guidanceBookings).values({ sessionId: s.id, personId: host.id });
		});
		const ahead = await buildGuidanceSession(t.db, { organizerId, hostId: host.id, startsAt: new Date(Date.now() + 2 * HOUR) });
		const people = await Promise.all([0, 1, 2].map(() => buildPerson(t.db, { roles: [{ role: 'staff', organizerId }] })));
		await t.db.insert(guidanceBookings).values([
			{ sessionId: held.id, personId: people[0].id, feedbackScore: 4, feedbackAt: new Date() },
			{ sessionId: held.id, personId: people[1].id },
			{ sessionId: held.id, personId: people[2].id, cancelledAt: new Date() },
			{ sessionId: ahead.id, personId: people[0].id }
		]);

		const counts = await countGuidance(t.db, { organizerId, from: year.from, to: year.to });
		expect(counts).toEqual({ held: 1, dropIns: 1, attended: 2, feedback: 1, feedbackMean: 4 });
		const p = await loadFollowupPicture(t.db, { actor: admin, organizerId, unitId: null, from: year.from, to: year.to });
		expect(figureOf(p, '1.3', 'guidance.held')!.value).toBe(counts.held);
		expect(figureOf(p, '1.3', 'guidance.attended')!.value).toBe(counts.attended);
		expect(figureOf(p, '1.3', 'guidance.held')!.source).toBe('countGuidance');
	}, 120_000);
});

describe('device counts for follow-up readers (sub-goal 2.1)', () => {
	it('shows leadership the aggregated repairs and days without a device, equal to the register’s own count, without devices.view', async () => {
		const organizer = await buildOrganizer(t.db);
		const organizerId = organizer.id;
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId }]);
		const leader = await buildActor(t.db, [{ role: 'leadership', organizerId }]);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId }]);
		expect(can(leader, 'devices.view', { type: 'organizer', organizerId })).toBe(false);
		const resource = { type: 'followup' as const, organizerId, unitId: null, ancestorIds: [] };
		expect(can(leader, 'followup.device_figures', resource)).toBe(true);
		expect(can(staff, 'followup.device_figures', resource)).toBe(false);

		const year = schoolYearOf(todayInStockholm());
		const p = await loadFollowupPicture(t.db, { actor: leader, organizerId, unitId: null, from: year.from, to: year.to });
		const own = await countDaysWithout(t.db, { actor: admin, organizerId, unitIds: null, from: year.from, to: year.to });
		expect(figureOf(p, '2.1', 'devices.repairs')!.value).toBe(own.repairs);
		expect(figureOf(p, '2.1', 'devices.days_without')!.value).toBe(own.daysWithout);
		// The loss count is listed per unit in the register: it stays with the register's readers.
		expect(figureOf(p, '2.1', 'devices.lost')).toBeNull();
	});
});
