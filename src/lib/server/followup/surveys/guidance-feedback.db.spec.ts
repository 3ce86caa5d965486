// Covers: sendGuidanceFeedback, ensureGuidanceSurvey, getSurveyResults (guidance feedback per session kind and ended month), closeSurvey (standing).
import { and, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { guidanceBookings, outbox, surveyInvitations, surveys } from '../../db/schema';
import { buildActor, buildGuidanceSession, buildOrganizer, buildPerson, buildUnit } from '../../../../../tests/factories';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { closeSurvey } from './close-survey';
import { getSurveyResults } from './get-survey-results';
import { sendGuidanceFeedback } from './send-guidance-feedback';
import { submitSurveyAnswers } from './submit-survey-answers';
import { updatePulseSettings } from './pulse-settings';

const t = useTestDatabase();
const DAY = 86_400_000;
const HOUR = 3_600_000;

async function setup() {
	const organizer = await buildOrganizer(t.db, { settings: { anonymityThreshold: 3 } });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const host = await buildPerson(t.db, { roles: [{ role: 'central_pedagogical_support', organizerId: organizer.id }] });
	const staff = async () => buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] });
	const session = (kind: 'one_to_one' | 'drop_in', endedAgo: number, extra: { cancelledAt?: Date } = {}) =>
		buildGuidanceSession(t.db, {
			organizerId: organizer.id,
			hostId: host.id,
			kind,
			seats: 10,
			startsAt: new Date(Date.now() - endedAgo - HOUR),
			endsAt: new Date(Date.now() - endedAgo),
			...extra
		});
	const book = async (sessionId: string, personId: string, extra: { cancelledAt?: Date } = {}) =>
		(
			await t.db
				.insert(guidanceBookings)
				.values({ sessionId, personId, ...extra })
				.returning()
		)[0];
	return { organizer, admin, unit, staff, session, book };
}

const invitationsOf = (organizerId: string) =>
	t.db
		.select()
		.from(surveyInvitations)
		.where(and(eq(surveyInvitations.organizerId, organizerId), isNotNull(surveyInvitations.bookingId)));

describe('feedback after a guidance session or drop-in', () => {
	it('asks each attendee of an ended session once, by kind, and not about cancelled, unfinished or old sessions', async () => {
		const s = await setup();
		const [a, b, c, d] = [await s.staff(), await s.staff(), await s.staff(), await s.staff()];
		const ended = await s.session('one_to_one', 2 * HOUR);
		const dropIn = await s.session('drop_in', 3 * HOUR);
		const upcoming = await s.session('drop_in', -DAY);
		const cancelled = await s.session('drop_in', HOUR, { cancelledAt: new Date() });
		const old = await s.session('drop_in', 20 * DAY);
		await s.book(ended.id, a.id);
		await s.book(dropIn.id, b.id);
		await s.book(dropIn.id, c.id, { cancelledAt: new Date() });
		await s.book(upcoming.id, c.id);
		await s.book(cancelled.id, d.id);
		await s.book(old.id, d.id);
		expect(await sendGuidanceFeedback(t.db, new Date(), { organizerId: s.organizer.id })).toEqual({ sent: 2 });
		// Once: a second run sends nothing.
		expect(await sendGuidanceFeedback(t.db, new Date(), { organizerId: s.organizer.id })).toEqual({ sent: 0 });
		const invitations = await invitationsOf(s.organizer.id);
		expect(invitations.map((i) => i.personId).sort()).toEqual([a.id, b.id].sort());
		const standing = await t.db.select().from(surveys).where(eq(surveys.organizerId, s.organizer.id));
		expect(standing.map((x) => `${x.kind}|${x.seriesKey}|${x.status}|${x.anonymous}`).sort()).toEqual([
			'guidance_feedback|guidance:drop_in|open|true',
			'guidance_feedback|guidance:one_to_one|open|true'
		]);
		const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, a.email));
		expect(mails).toHaveLength(1);
		expect(mails[0].body).toMatch(/\/enkat\/[A-Za-z0-9_-]+/);
		// Standing: never closed by hand.
		await expect(closeSurvey(t.db, { actor: s.admin, organizerId: s.organizer.id, surveyId: standing[0].id })).rejects.toMatchObject({
			code: 'CONFLICT'
		});
	});

	it('asks a person at most once within the organizer’s cap, whatever the kind', async () => {
		const s = await setup();
		const person = await s.staff();
		await updatePulseSettings(t.db, {
			actor: s.admin,
			organizerId: s.organizer.id,
			input: { pulseEnabled: 'on', pulseDelayDays: '1', pulseCapDays: '10' }
		});
		const first = await s.session('one_to_one', 2 * HOUR);
		await s.book(first.id, person.id);
		expect((await sendGuidanceFeedback(t.db, new Date(), { organizerId: s.organizer.id })).sent).toBe(1);
		const second = await s.session('drop_in', HOUR);
		await s.book(second.id, person.id);
		expect((await sendGuidanceFeedback(t.db, new Date(), { organizerId: s.organizer.id })).sent).toBe(0);
		// Eleven days on the cap has passed; the second session (ended within the look-back) is asked about then.
		expect((await sendGuidanceFeedback(t.db, new Date(Date.now() + 11 * DAY), { organizerId: s.organizer.id })).sent).toBe(1);
		expect(await invitationsOf(s.organizer.id)).toHaveLength(2);
	});

	it('shows the answers per session kind, unit and ended month, hidden under the anonymity threshold', async () => {
		const s = await setup();
		const people = [await s.staff(), await s.staff(), await s.staff(), await s.staff()];
		const dropIn = await s.session('drop_in', 2 * HOUR);
		const oneToOne = await s.session('one_to_one', 2 * HOUR);
		for (const p of people.slice(0, 3)) await s.book(dropIn.id, p.id);
		await s.book(oneToOne.id, people[3].id);
		const sentAt = new Date();
		await sendGuidanceFeedback(t.db, sentAt, { organizerId: s.organizer.id });
		for (const p of people) {
			const [mail] = await t.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.toAddress, p.email));
			const token = /\/enkat\/([A-Za-z0-9_-]+)/.exec(mail.body)![1];
			await submitSurveyAnswers(t.db, { token, values: { q_helped: '4', q_use: 'soon' }, now: sentAt });
		}
		const byKind = async (kind: string, now: Date) => {
			const [survey] = await t.db
				.select()
				.from(surveys)
				.where(and(eq(surveys.organizerId, s.organizer.id), eq(surveys.seriesKey, `guidance:${kind}`)));
			return getSurveyResults(t.db, { actor: s.admin, organizerId: s.organizer.id, surveyId: survey.id, now });
		};
		// The month has not ended: nothing yet.
		expect((await byKind('drop_in', sentAt)).groups).toEqual([]);
		const nextMonth = new Date(Date.UTC(sentAt.getUTCFullYear(), sentAt.getUTCMonth() + 1, 2));
		const drop = await byKind('drop_in', nextMonth);
		expect(drop.groups).toHaveLength(1);
		expect(drop.groups[0]).toMatchObject({ unitId: s.unit.id, respondents: 3, means: { helped: 4 } });
		const one = await byKind('one_to_one', nextMonth);
		expect(one.groups[0]).toMatchObject({ respondents: null, means: { helped: null } });
	});
});
