// Covers: countTimeSpent, and the time a handler writes on replyToRequester, addInternalNote and solveTicket.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildGuidanceSession, buildOrganizer, buildQuestion, buildTicket, buildUnit } from '../../../../tests/factories';
import { auditEvents, guidanceBookings, ticketEvents } from '../db/schema';
import { replyToRequester } from '../support/handling/reply-to-requester';
import { addInternalNote } from '../support/handling/add-internal-note';
import { solveTicket } from '../support/handling/solve-ticket';
import { addWeeks, thisMonday } from '../knowledge/questions/week';
import { getTicketTimeline } from '../support/tickets/get-ticket-timeline';
import { presentTimeline } from '../support/tickets/present-timeline';
import { countTimeSpent, type WeekSpent } from './count-time-spent';

const t = useTestDatabase();
const HOUR = 3_600_000;

async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id, unitId: unit.id }]);
	const colleague = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id, unitId: unit.id }]);
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	const file = async () => (await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id, requester: teacher })).ticket;
	return { organizerId: organizer.id, unit, key, colleague, teacher, file };
}

/** The person's weeks in a chain summed: the window spans three weeks, so a test run early on a Monday still counts. */
async function total(organizerId: string, personId: string, chain = 'technical') {
	const weeks = await countTimeSpent(t.db, {
		organizerId,
		personIds: [personId],
		from: addWeeks(thisMonday(), -2),
		to: addWeeks(thisMonday(), 1)
	});
	const zero = { recordedMinutes: 0, estimatedMinutes: 0, cases: 0, casesEstimated: 0, sessions: 0, answers: 0 };
	return weeks
		.filter((w) => w.personId === personId && w.chain === chain)
		.reduce(
			(s, w: WeekSpent) => ({
				recordedMinutes: s.recordedMinutes + w.recordedMinutes,
				estimatedMinutes: s.estimatedMinutes + w.estimatedMinutes,
				cases: s.cases + w.cases,
				casesEstimated: s.casesEstimated + w.casesEstimated,
				sessions: s.sessions + w.sessions,
				answers: s.answers + w.answers
			}),
			zero
		);
}

describe('time spent on cases', () => {
	it('counts the minutes typed on replies, notes and solutions, and 20 minutes for a case with none typed', async () => {
		const s = await setUp();
		const a = await s.file();
		const b = await s.file();
		const base = { actor: s.key, organizerId: s.organizerId };
		await replyToRequester(t.db, { ...base, number: a.number, input: { body: 'Jag tittar på det.', minutes: '15' } });
		await addInternalNote(t.db, { ...base, number: a.number, input: { body: 'Byt kabel.', minutes: '10' } });
		await solveTicket(t.db, { ...base, number: a.number, input: { solution: 'Ny kabel.', cause: 'hardware', minutes: '5' } });
		// Case b: two notes and no time written: one estimate for the case, not one per step.
		await addInternalNote(t.db, { ...base, number: b.number, input: { body: 'Ringer leverantören.' } });
		await addInternalNote(t.db, { ...base, number: b.number, input: { body: 'Väntar på svar.', minutes: '' } });

		expect(await total(s.organizerId, s.key.personId)).toMatchObject({
			recordedMinutes: 30,
			estimatedMinutes: 20,
			cases: 2,
			casesEstimated: 1
		});
		const minutes = (await t.db.select({ m: ticketEvents.minutesSpent }).from(ticketEvents).where(eq(ticketEvents.ticketId, a.id))).map(
			(r) => r.m
		);
		expect(minutes.filter((m) => m !== null)).toEqual([15, 10, 5]);
		const audited = await t.db.select({ changes: auditEvents.changes }).from(auditEvents).where(eq(auditEvents.entityId, a.id));
		expect(audited.some((e) => (e.changes as Record<string, unknown>).minutes === 15)).toBe(true);
		// The lines see the time on the step; the requester does not.
		const shown = async (actor: typeof s.key) =>
			presentTimeline(await getTicketTimeline(t.db, { actor, organizerId: s.organizerId, number: a.number }))
				.filter((i) => i.kind === 'reply')
				.map((i) => i.minutesSpent);
		expect(await shown(s.colleague)).toEqual([15]);
		expect(await shown(s.teacher)).toEqual([null]);
		// A colleague who did nothing has no time; the teacher who filed the cases neither.
		expect(await total(s.organizerId, s.colleague.personId)).toMatchObject({ recordedMinutes: 0, estimatedMinutes: 0, cases: 0 });
		expect(await total(s.organizerId, s.teacher.personId)).toMatchObject({ cases: 0 });
	});

	it('refuses a time that is not whole minutes between 1 and 600 beside the field, and writes nothing', async () => {
		const s = await setUp();
		const a = await s.file();
		for (const minutes of ['0', '601', 'en kvart', '2,5', '-5']) {
			const failed = await replyToRequester(t.db, {
				actor: s.key,
				organizerId: s.organizerId,
				number: a.number,
				input: { body: 'Hej', minutes }
			}).catch((e: { issues: { field: string; message: string }[] }) => e.issues);
			expect(failed).toEqual([{ field: 'minutes', message: 'capacity_error_minutes' }]);
		}
		expect(await total(s.organizerId, s.key.personId)).toMatchObject({ cases: 0 });
	});
});

describe('time spent on guidance and colleague questions', () => {
	it('counts guidance held once it is over by its booked length: drop-ins always, a 1–1 only when booked', async () => {
		const s = await setUp();
		const past = (hoursAgo: number, minutes: number) => ({
			startsAt: new Date(Date.now() - hoursAgo * HOUR),
			endsAt: new Date(Date.now() - hoursAgo * HOUR + minutes * 60_000)
		});
		const host = { organizerId: s.organizerId, hostId: s.key.personId, chain: 'technical' };
		await buildGuidanceSession(t.db, { ...host, kind: 'drop_in', seats: 10, ...past(3, 60) });
		const booked = await buildGuidanceSession(t.db, { ...host, ...past(5, 30) });
		await t.db.insert(guidanceBookings).values({ sessionId: booked.id, personId: s.teacher.personId });
		await buildGuidanceSession(t.db, { ...host, ...past(6, 45) }); // nobody booked it
		const cancelledBooking = await buildGuidanceSession(t.db, { ...host, ...past(8, 45) });
		await t.db.insert(guidanceBookings).values({ sessionId: cancelledBooking.id, personId: s.teacher.personId, cancelledAt: new Date() });
		await buildGuidanceSession(t.db, { ...host, kind: 'drop_in', cancelledAt: new Date(), ...past(7, 60) });
		await buildGuidanceSession(t.db, { ...host, kind: 'drop_in', startsAt: new Date(Date.now() + HOUR) }); // not held yet
		await buildGuidanceSession(t.db, { ...host, kind: 'drop_in', chain: 'pedagogical', ...past(2, 20) });

		expect(await total(s.organizerId, s.key.personId)).toMatchObject({ sessions: 2, recordedMinutes: 90, estimatedMinutes: 0 });
		expect(await total(s.organizerId, s.key.personId, 'pedagogical')).toMatchObject({ sessions: 1, recordedMinutes: 20 });
	});

	it('counts 10 minutes, estimated, for each answer to a colleague question, accepted or not, in the question’s chain', async () => {
		const s = await setUp();
		const ask = { organizerId: s.organizerId, askedBy: s.teacher.personId };
		await buildQuestion(t.db, { ...ask, answeredBy: [s.key.personId], accepted: true });
		await buildQuestion(t.db, { ...ask, answeredBy: [s.colleague.personId, s.key.personId] });
		await buildQuestion(t.db, { ...ask, chain: 'pedagogical', answeredBy: [s.key.personId] });

		expect(await total(s.organizerId, s.key.personId)).toMatchObject({ answers: 2, estimatedMinutes: 20, recordedMinutes: 0 });
		expect(await total(s.organizerId, s.key.personId, 'pedagogical')).toMatchObject({ answers: 1, estimatedMinutes: 10 });
		expect(await total(s.organizerId, s.colleague.personId)).toMatchObject({ answers: 1 });
	});

	it('leaves out another organizer’s work and what falls outside the weeks asked for', async () => {
		const s = await setUp();
		const other = await buildOrganizer(t.db);
		await buildGuidanceSession(t.db, {
			organizerId: other.id,
			hostId: s.key.personId,
			kind: 'drop_in',
			chain: 'technical',
			startsAt: new Date(Date.now() - 3 * HOUR)
		});
		await buildGuidanceSession(t.db, {
			organizerId: s.organizerId,
			hostId: s.key.personId,
			kind: 'drop_in',
			chain: 'technical',
			startsAt: new Date(Date.now() - 60 * 24 * HOUR)
		});
		expect(await total(s.organizerId, s.key.personId)).toMatchObject({ sessions: 0 });
	});
});
