// Covers: publishSession, cancelSession, findSessions, getSession, bookSession, cancelBooking, giveFeedback, findMyBookings, getSessionCalendar, findVisibleCase
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildGuidanceSession, buildOrgAdmin, buildTicket, buildUnit } from '../../../../../tests/factories';
import { auditEvents, guidanceBookings, outbox, people } from '../../db/schema';
import { publishSession } from './publish-session';
import { cancelSession } from './cancel-session';
import { findSessions } from './find-sessions';
import { getSession } from './get-session';
import { bookSession } from './book-session';
import { cancelBooking } from './cancel-booking';
import { giveFeedback } from './give-feedback';
import { findMyBookings } from './find-my-bookings';
import { getSessionCalendar } from './get-session-calendar';

const t = useTestDatabase();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function setUp() {
	const { organizer, actor: admin } = await buildOrgAdmin(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const at = (role: 'staff' | 'pedagogical_key_person' | 'student') =>
		buildActor(t.db, [{ role, organizerId: organizer.id, unitId: unit.id }]);
	return {
		organizerId: organizer.id,
		slug: organizer.slug,
		unit,
		admin,
		host: await at('pedagogical_key_person'),
		otherHost: await at('pedagogical_key_person'),
		teacher: await at('staff'),
		colleague: await at('staff'),
		student: await at('student')
	};
}

/** What a failed call threw: its code and, for a field issue, the message key. */
const failure = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string; issues?: { field: string; message: string }[] }) =>
			e.issues?.length ? `${e.code} ${e.issues.map((i) => `${i.field}:${i.message}`).join(' ')}` : e.code
	);

/** A Stockholm day a week ahead, as the form sends it. */
const dayAhead = (days = 7) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const form = (o: Record<string, string> = {}) => ({
	kind: 'one_to_one',
	chain: 'pedagogical',
	title: 'Handledning i lärplattformen',
	day: dayAhead(),
	start: '14:00',
	end: '14:45',
	meetingUrl: 'https://mote.exempel.se/handledning',
	...o
});

const mailsTo = async (personIds: string[]) => {
	const addresses = (await t.db.select({ email: people.email }).from(people).where(inArray(people.id, personIds))).map((p) => p.email);
	return t.db.select().from(outbox).where(inArray(outbox.toAddress, addresses));
};

describe('publishing a session', () => {
	it('publishes one 1–1 time, or a weekly series that shares a seriesId, audited once', async () => {
		const { organizerId, host } = await setUp();
		const [one] = await publishSession(t.db, { actor: host, organizerId, input: form() });
		expect(one).toMatchObject({ kind: 'one_to_one', seats: 1, hostId: host.personId, seriesId: null });
		const series = await publishSession(t.db, {
			actor: host,
			organizerId,
			input: form({ kind: 'drop_in', title: 'Onlinestuga', seats: '8', occasions: '3' })
		});
		expect(series).toHaveLength(3);
		expect(new Set(series.map((s) => s.seriesId)).size).toBe(1);
		expect(series[0].seriesId).not.toBeNull();
		const gaps = series.slice(1).map((s, i) => Math.round((s.startsAt.getTime() - series[i].startsAt.getTime()) / DAY));
		expect(gaps).toEqual([7, 7]);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.action, 'guidance_session.publish')));
		expect(audits).toHaveLength(2);
	});

	it('refuses a bad time, more seats for 1–1, a link that is no web address, nowhere to meet, another organizer’s unit', async () => {
		const { organizerId, host } = await setUp();
		const other = await buildUnit(t.db);
		const publish = (o: Record<string, string>) => failure(publishSession(t.db, { actor: host, organizerId, input: form(o) }));
		expect(await publish({ end: '13:00' })).toBe('INVALID end:guidance_error_end_before_start');
		expect(await publish({ day: '2020-01-01' })).toBe('INVALID day:guidance_error_in_past');
		expect(await publish({ seats: '0' })).toBe('INVALID seats:guidance_error_seats');
		expect(await publish({ seats: '2' })).toBe('INVALID seats:guidance_error_one_seat');
		expect(await publish({ meetingUrl: 'javascript:alert(1)' })).toBe('INVALID meetingUrl:guidance_error_url');
		expect(await publish({ meetingUrl: '' })).toBe('INVALID meetingUrl:guidance_error_where');
		expect(await publish({ meetingUrl: '', unitId: other.id })).toBe('INVALID unitId:guidance_error_unit');
		expect(await publish({ title: ' ' })).toBe('INVALID title:guidance_error_title');
	});

	it('is for key people, central support and administrators, not for a teacher', async () => {
		const { organizerId, teacher, admin } = await setUp();
		expect(await failure(publishSession(t.db, { actor: teacher, organizerId, input: form() }))).toBe('FORBIDDEN');
		expect(await failure(publishSession(t.db, { actor: admin, organizerId, input: form() }))).toBe('ok');
	});
});

describe('booking a session', () => {
	it('books a seat, mails the booker and the host a link to the iCal file, and the slot is then full', async () => {
		const { organizerId, slug, host, teacher, colleague } = await setUp();
		const session = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId });
		const booking = await bookSession(t.db, {
			actor: teacher,
			organizerId,
			sessionId: session.id,
			input: { note: 'Prov i lärplattformen' }
		});
		expect(booking).toMatchObject({ personId: teacher.personId, note: 'Prov i lärplattformen', ticketId: null });
		const mails = await mailsTo([teacher.personId, host.personId]);
		expect(mails).toHaveLength(2);
		for (const mail of mails) expect(mail.body).toContain(`/${slug}/handledning/${session.id}/kalender.ics`);
		expect(mails.find((m) => m.body.includes('Prov i lärplattformen'))?.toAddress, 'the note goes to the host').toBeTruthy();
		expect(await failure(bookSession(t.db, { actor: colleague, organizerId, sessionId: session.id, input: {} }))).toBe(
			'CONFLICT form:guidance_error_full'
		);
		const list = await findSessions(t.db, { actor: colleague, organizerId });
		expect(list.find((s) => s.id === session.id)).toMatchObject({ free: 0, mine: false });
		expect((await findSessions(t.db, { actor: colleague, organizerId, freeOnly: true })).map((s) => s.id)).not.toContain(session.id);
	});

	it('refuses a double booking, a past, a started or a cancelled time, and the host’s own time', async () => {
		const { organizerId, host, teacher } = await setUp();
		const dropIn = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId, kind: 'drop_in', seats: 5 });
		await bookSession(t.db, { actor: teacher, organizerId, sessionId: dropIn.id, input: {} });
		const book = (sessionId: string, actor = teacher) => failure(bookSession(t.db, { actor, organizerId, sessionId, input: {} }));
		expect(await book(dropIn.id)).toBe('CONFLICT form:guidance_error_double');
		const past = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId, startsAt: new Date(Date.now() - DAY) });
		expect(await book(past.id)).toBe('CONFLICT form:guidance_error_started');
		const started = await buildGuidanceSession(t.db, {
			organizerId,
			hostId: host.personId,
			startsAt: new Date(Date.now() - 5 * 60_000),
			endsAt: new Date(Date.now() + HOUR)
		});
		expect(await book(started.id)).toBe('CONFLICT form:guidance_error_started');
		const cancelled = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId, cancelledAt: new Date() });
		expect(await book(cancelled.id)).toBe('CONFLICT form:guidance_error_cancelled');
		expect(await book(dropIn.id, host)).toBe('CONFLICT form:guidance_error_own');
	});

	it('gives the last seat to one of two people booking at the same moment', async () => {
		const { organizerId, host, teacher, colleague } = await setUp();
		const session = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId });
		const results = await Promise.all(
			[teacher, colleague].map((actor) => failure(bookSession(t.db, { actor, organizerId, sessionId: session.id, input: {} })))
		);
		expect(results.sort()).toEqual(['CONFLICT form:guidance_error_full', 'ok']);
		expect(await t.db.select().from(guidanceBookings).where(eq(guidanceBookings.sessionId, session.id))).toHaveLength(1);
	});

	it('is for staff: a student may not book', async () => {
		const { organizerId, host, student } = await setUp();
		const session = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId });
		expect(await failure(bookSession(t.db, { actor: student, organizerId, sessionId: session.id, input: {} }))).toBe('FORBIDDEN');
	});

	it('carries the case it was started from when the booker sees that case, and shrugs off one they do not', async () => {
		const { organizerId, unit, host, teacher, colleague } = await setUp();
		const { ticket } = await buildTicket(t.db, { organizerId, unitId: unit.id, requester: teacher });
		const a = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId });
		const b = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId });
		const own = await bookSession(t.db, { actor: teacher, organizerId, sessionId: a.id, input: {}, caseNumber: String(ticket.number) });
		expect(own.ticketId).toBe(ticket.id);
		const other = await bookSession(t.db, { actor: colleague, organizerId, sessionId: b.id, input: {}, caseNumber: String(ticket.number) });
		expect(other.ticketId).toBeNull();
		const hostView = await getSession(t.db, { actor: host, organizerId, sessionId: a.id });
		expect(hostView.bookings?.[0].caseNumber).toBe(ticket.number);
	});

	it('does not find another organizer’s session, nor a malformed id', async () => {
		const { organizerId, host, teacher } = await setUp();
		const elsewhere = await buildOrgAdmin(t.db);
		const theirHost = await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId: elsewhere.organizer.id }]);
		const theirs = await buildGuidanceSession(t.db, { organizerId: elsewhere.organizer.id, hostId: theirHost.personId });
		expect(await failure(getSession(t.db, { actor: teacher, organizerId, sessionId: theirs.id }))).toBe('NOT_FOUND');
		expect(await failure(bookSession(t.db, { actor: teacher, organizerId, sessionId: theirs.id, input: {} }))).toBe('NOT_FOUND');
		expect(await failure(getSession(t.db, { actor: teacher, organizerId, sessionId: 'inte-ett-id' }))).toBe('NOT_FOUND');
		expect(await failure(cancelSession(t.db, { actor: host, organizerId, sessionId: theirs.id }))).toBe('NOT_FOUND');
		expect((await findSessions(t.db, { actor: teacher, organizerId })).map((s) => s.id)).not.toContain(theirs.id);
	});
});

describe('cancelling', () => {
	it('lets the booker cancel before the start, frees the seat and tells the host', async () => {
		const { organizerId, host, teacher, colleague } = await setUp();
		const session = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId });
		await bookSession(t.db, { actor: teacher, organizerId, sessionId: session.id, input: {} });
		const before = (await mailsTo([host.personId])).length;
		await cancelBooking(t.db, { actor: teacher, organizerId, sessionId: session.id });
		expect((await mailsTo([host.personId])).length).toBe(before + 1);
		expect(await failure(cancelBooking(t.db, { actor: teacher, organizerId, sessionId: session.id }))).toBe(
			'CONFLICT form:guidance_error_no_booking'
		);
		expect(await failure(bookSession(t.db, { actor: colleague, organizerId, sessionId: session.id, input: {} }))).toBe('ok');
		// Booking again after cancelling is a new booking (one live booking per person and session).
		const dropIn = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId, kind: 'drop_in', seats: 3 });
		await bookSession(t.db, { actor: teacher, organizerId, sessionId: dropIn.id, input: {} });
		await cancelBooking(t.db, { actor: teacher, organizerId, sessionId: dropIn.id });
		expect(await failure(bookSession(t.db, { actor: teacher, organizerId, sessionId: dropIn.id, input: {} }))).toBe('ok');
	});

	it('refuses to cancel a booking once the session has begun', async () => {
		const { organizerId, host, teacher } = await setUp();
		const session = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId, startsAt: new Date(Date.now() + HOUR) });
		await bookSession(t.db, { actor: teacher, organizerId, sessionId: session.id, input: {} });
		const later = new Date(Date.now() + 2 * HOUR - 10 * 60_000);
		expect(await failure(cancelBooking(t.db, { actor: teacher, organizerId, sessionId: session.id, now: later }))).toBe(
			'CONFLICT form:guidance_error_cancel_started'
		);
	});

	it('lets the host or an administrator cancel a session, not another host; the booked are told by mail', async () => {
		const { organizerId, host, otherHost, admin, teacher, colleague } = await setUp();
		const session = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId, kind: 'drop_in', seats: 4 });
		for (const actor of [teacher, colleague]) await bookSession(t.db, { actor, organizerId, sessionId: session.id, input: {} });
		expect(await failure(cancelSession(t.db, { actor: otherHost, organizerId, sessionId: session.id }))).toBe('FORBIDDEN');
		expect(await failure(cancelSession(t.db, { actor: teacher, organizerId, sessionId: session.id }))).toBe('FORBIDDEN');
		const before = (await mailsTo([teacher.personId, colleague.personId])).length;
		expect(await cancelSession(t.db, { actor: host, organizerId, sessionId: session.id })).toBe(2);
		const after = await mailsTo([teacher.personId, colleague.personId]);
		expect(after.length).toBe(before + 2);
		expect(after.at(-1)?.subject).toContain('Inställd');
		expect(await failure(cancelSession(t.db, { actor: admin, organizerId, sessionId: session.id }))).toBe(
			'CONFLICT form:guidance_error_cancelled'
		);
		expect((await findSessions(t.db, { actor: teacher, organizerId })).map((s) => s.id)).not.toContain(session.id);
		expect((await findMyBookings(t.db, { actor: teacher, organizerId })).upcoming.find((b) => b.id === session.id)?.cancelled).toBe(true);
		const another = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId });
		expect(await failure(cancelSession(t.db, { actor: admin, organizerId, sessionId: another.id }))).toBe('ok');
	});
});

describe('feedback after a session', () => {
	it('is asked of the booker after the end, once, with a score from 1 to 5', async () => {
		const { organizerId, host, teacher, colleague } = await setUp();
		const session = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId, startsAt: new Date(Date.now() + HOUR) });
		await bookSession(t.db, { actor: teacher, organizerId, sessionId: session.id, input: {} });
		const give = (o: { actor?: typeof teacher; score?: string; now?: Date } = {}) =>
			failure(
				giveFeedback(t.db, {
					actor: o.actor ?? teacher,
					organizerId,
					sessionId: session.id,
					input: { score: o.score ?? '4', comment: 'Bra genomgång' },
					now: o.now
				})
			);
		expect(await give()).toBe('CONFLICT form:guidance_error_feedback_early');
		const after = new Date(Date.now() + 3 * HOUR);
		expect((await findMyBookings(t.db, { actor: teacher, organizerId, now: after })).awaitingFeedback.map((b) => b.id)).toEqual([
			session.id
		]);
		expect(await give({ now: after, score: '6' })).toBe('INVALID score:guidance_error_score');
		expect(await give({ now: after, actor: colleague })).toBe('CONFLICT form:guidance_error_no_booking');
		expect(await give({ now: after })).toBe('ok');
		expect(await give({ now: after, score: '2' })).toBe('CONFLICT form:guidance_error_feedback_given');
		expect((await findMyBookings(t.db, { actor: teacher, organizerId, now: after })).awaitingFeedback).toEqual([]);
		const hostView = await getSession(t.db, { actor: host, organizerId, sessionId: session.id, now: after });
		expect(hostView.bookings?.[0]).toMatchObject({ feedbackScore: 4, feedbackComment: 'Bra genomgång' });
	});
});

describe('who sees the bookings and the iCal file', () => {
	it('shows who booked to the host and administrators only; the booker sees their own booking', async () => {
		const { organizerId, host, otherHost, admin, teacher, colleague } = await setUp();
		const session = await buildGuidanceSession(t.db, { organizerId, hostId: host.personId, kind: 'drop_in', seats: 3 });
		await bookSession(t.db, { actor: teacher, organizerId, sessionId: session.id, input: { note: 'Delade mappar' } });
		const view = (actor: typeof teacher) => getSession(t.db, { actor, organizerId, sessionId: session.id });
		expect((await view(host)).bookings).toEqual([expect.objectContaining({ name: teacher.name, note: 'Delade mappar' })]);
		expect((await view(host)).can.cancelSession).toBe(true);
		expect((await view(admin)).bookings).toHaveLength(1);
		expect((await view(otherHost)).bookings).toBeNull();
		expect((await view(otherHost)).can.cancelSession).toBe(false);
		const mine = await view(teacher);
		expect(mine.bookings).toBeNull();
		expect(mine.ownBooking?.note).toBe('Delade mappar');
		expect(mine.can).toMatchObject({ book: false, cancelBooking: true, calendar: true });
		expect((await view(colleague)).can).toMatchObject({ book: true, calendar: false });
	});

	it('gives the iCal file to the booker and the host, and not to others', async () => {
		const { organizerId, host, otherHost, teacher, colleague } = await setUp();
		const session = await buildGuidanceSession(t.db, {
			organizerId,
			hostId: host.personId,
			title: 'Onlinestuga',
			startsAt: new Date('2030-03-05T13:00:00Z')
		});
		await bookSession(t.db, { actor: teacher, organizerId, sessionId: session.id, input: {} });
		const ics = (actor: typeof teacher) => getSessionCalendar(t.db, { actor, organizerId, sessionId: session.id });
		const text = await ics(teacher);
		expect(text).toContain('DTSTART:20300305T130000Z');
		expect(text).toContain('SUMMARY:Onlinestuga');
		expect(text).toContain('LOCATION:https://mote.exempel.se/handledning');
		expect(await ics(host)).toContain('SUMMARY:Onlinestuga');
		expect(await failure(ics(colleague))).toBe('NOT_FOUND');
		expect(await failure(ics(otherHost))).toBe('NOT_FOUND');
	});
});
