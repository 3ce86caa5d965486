// Covers: sendPulses, updatePulseSettings, getPulseSettings, getSurveyFigures, addWorkingDays.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, supportCalendarDays, surveyInvitations, surveyPulseDecisions, tickets } from '../../db/schema';
import { DEFAULT_CALENDAR } from '../../support/sla';
import { buildActor, buildOrganizer, buildTicket, buildUnit, moveTicket } from '../../../../../tests/factories';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { getSurveyFigures } from './get-survey-figures';
import { getPulseSettings, updatePulseSettings } from './pulse-settings';
import { sendPulses } from './send-pulses';
import { submitSurveyAnswers } from './submit-survey-answers';
import { addWorkingDays } from './working-days';

const t = useTestDatabase();
const DAY = 86_400_000;

async function world(settings?: { pulseEnabled?: string; pulseDelayDays: string; pulseCapDays: string }) {
	const organizer = await buildOrganizer(t.db, { settings: { anonymityThreshold: 2 } });
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	if (settings) await updatePulseSettings(t.db, { actor: admin, organizerId: organizer.id, input: settings });
	/** A case of the teacher's, closed at `at`. */
	const closedCase = async (at: Date, requester = teacher) => {
		const { ticket } = await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id, requester });
		return moveTicket(t.db, ticket, { stateTo: 'closed', handlerId: admin.personId, at });
	};
	const decision = async (ticketId: string) =>
		(await t.db.select().from(surveyPulseDecisions).where(eq(surveyPulseDecisions.ticketId, ticketId)))[0]?.outcome ?? null;
	return { organizer, unit, admin, teacher, closedCase, decision };
}

describe('the pulse after a closed case', () => {
	it('waits for the working-day delay, then mails the requester once with a one-use link', async () => {
		const w = await world();
		// Closed on a Friday afternoon: one working day later is Monday.
		const friday = new Date('2026-05-08T14:00:00Z');
		const c = await w.closedCase(friday);
		expect((await sendPulses(t.db, new Date('2026-05-10T15:00:00Z'), { organizerId: w.organizer.id })).sent).toBe(0);
		expect(await w.decision(c.id)).toBeNull();
		expect((await sendPulses(t.db, new Date('2026-05-11T14:30:00Z'), { organizerId: w.organizer.id })).sent).toBe(1);
		expect(await w.decision(c.id)).toBe('sent');
		// Idempotent: the next run decides nothing more.
		expect((await sendPulses(t.db, new Date('2026-05-11T15:30:00Z'), { organizerId: w.organizer.id })).outcomes).toEqual([]);
		const [inv] = await t.db.select().from(surveyInvitations).where(eq(surveyInvitations.ticketId, c.id));
		expect(inv).toMatchObject({ personId: w.teacher.personId, unitId: w.unit.id, period: '2026-05' });
		const mails = await t.db
			.select()
			.from(outbox)
			.where(and(eq(outbox.organizerId, w.organizer.id), eq(outbox.sensitive, true)));
		expect(mails).toHaveLength(1);
		expect(mails[0].body).toContain(`${c.number}`);
	});

	it("counts the organizer's own closed days out of the delay, as its SLA clock does", async () => {
		const w = await world();
		await t.db.insert(supportCalendarDays).values({ organizerId: w.organizer.id, day: '2026-05-11', kind: 'closed' });
		const c = await w.closedCase(new Date('2026-05-08T14:00:00Z'));
		// Monday is closed, so one working day after Friday is Tuesday.
		expect((await sendPulses(t.db, new Date('2026-05-11T14:30:00Z'), { organizerId: w.organizer.id })).sent).toBe(0);
		expect(await w.decision(c.id)).toBeNull();
		expect((await sendPulses(t.db, new Date('2026-05-12T14:30:00Z'), { organizerId: w.organizer.id })).sent).toBe(1);
	});

	it('sends nobody more than one pulse in 30 days: a case closed 10 days after a pulse gets none, one 31 days after does', async () => {
		const w = await world({ pulseDelayDays: '0', pulseCapDays: '30', pulseEnabled: 'on' });
		const start = new Date('2026-09-01T08:00:00Z');
		const first = await w.closedCase(start);
		await sendPulses(t.db, start, { organizerId: w.organizer.id });
		const second = await w.closedCase(new Date(start.getTime() + 10 * DAY));
		await sendPulses(t.db, new Date(start.getTime() + 10 * DAY), { organizerId: w.organizer.id });
		const third = await w.closedCase(new Date(start.getTime() + 31 * DAY));
		await sendPulses(t.db, new Date(start.getTime() + 31 * DAY), { organizerId: w.organizer.id });
		expect([await w.decision(first.id), await w.decision(second.id), await w.decision(third.id)]).toEqual(['sent', 'capped', 'sent']);
		expect(await t.db.select().from(surveyInvitations).where(eq(surveyInvitations.personId, w.teacher.personId))).toHaveLength(2);
	});

	it('follows the organizer’s own cap and switch, and refuses bad settings beside the field', async () => {
		const w = await world({ pulseDelayDays: '0', pulseCapDays: '5', pulseEnabled: 'on' });
		expect(await getPulseSettings(t.db, w.organizer.id)).toEqual({ pulseEnabled: true, pulseDelayDays: 0, pulseCapDays: 5 });
		const start = new Date('2026-09-01T08:00:00Z');
		const a = await w.closedCase(start);
		await sendPulses(t.db, start, { organizerId: w.organizer.id });
		const b = await w.closedCase(new Date(start.getTime() + 6 * DAY));
		await sendPulses(t.db, new Date(start.getTime() + 6 * DAY), { organizerId: w.organizer.id });
		expect([await w.decision(a.id), await w.decision(b.id)]).toEqual(['sent', 'sent']);
		await expect(
			updatePulseSettings(t.db, { actor: w.admin, organizerId: w.organizer.id, input: { pulseDelayDays: 'x', pulseCapDays: '0' } })
		).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'pulseDelayDays' }, { field: 'pulseCapDays' }] });
		await expect(
			updatePulseSettings(t.db, { actor: w.teacher, organizerId: w.organizer.id, input: { pulseDelayDays: '1', pulseCapDays: '30' } })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await updatePulseSettings(t.db, { actor: w.admin, organizerId: w.organizer.id, input: { pulseDelayDays: '0', pulseCapDays: '30' } });
		const c = await w.closedCase(new Date(start.getTime() + 63 * DAY));
		await sendPulses(t.db, new Date(start.getTime() + 63 * DAY), { organizerId: w.organizer.id });
		expect(await w.decision(c.id)).toBe('disabled');
	});

	it('sends no pulse for a merged case nor for a case closed long ago', async () => {
		const w = await world({ pulseDelayDays: '0', pulseCapDays: '30', pulseEnabled: 'on' });
		const now = new Date('2026-10-05T08:00:00Z');
		const target = await w.closedCase(now);
		const merged = await w.closedCase(now);
		await t.db.update(tickets).set({ mergedIntoId: target.id }).where(eq(tickets.id, merged.id));
		const old = await w.closedCase(new Date(now.getTime() - 20 * DAY));
		await sendPulses(t.db, now, { organizerId: w.organizer.id });
		expect(await w.decision(merged.id)).toBe('merged');
		expect(await w.decision(target.id)).toBe('sent');
		expect(await w.decision(old.id)).toBeNull();
	});

	it('gives other parts the pulse per ended month, suppressed under the threshold', async () => {
		const w = await world({ pulseDelayDays: '0', pulseCapDays: '1', pulseEnabled: 'on' });
		const other = await buildActor(t.db, [{ role: 'staff', organizerId: w.organizer.id, unitId: w.unit.id }]);
		const june = new Date('2026-06-10T08:00:00Z');
		const tokens: string[] = [];
		for (const who of [w.teacher, other]) {
			const c = await w.closedCase(june, who);
			await sendPulses(t.db, june, { organizerId: w.organizer.id });
			expect(await w.decision(c.id)).toBe('sent');
		}
		for (const m of await t.db
			.select({ body: outbox.body })
			.from(outbox)
			.where(eq(outbox.organizerId, w.organizer.id))
			.orderBy(outbox.id)) {
			const found = /\/enkat\/([A-Za-z0-9_-]+)/.exec(m.body);
			if (found) tokens.push(found[1]);
		}
		expect(tokens).toHaveLength(2);
		await submitSurveyAnswers(t.db, { token: tokens[0], values: { q_helped: '4' }, now: june });
		await submitSurveyAnswers(t.db, { token: tokens[1], values: { q_helped: '2', q_comment: 'Tog tid' }, now: june });
		const args = { actor: w.admin, organizerId: w.organizer.id, unitId: null, from: '2026-01-01', to: '2026-12-31' };
		// June has not ended: nothing yet.
		expect((await getSurveyFigures(t.db, { ...args, now: new Date('2026-06-20T08:00:00Z') })).pulseMonths).toEqual([]);
		const july = await getSurveyFigures(t.db, { ...args, now: new Date('2026-07-02T08:00:00Z') });
		expect(july.pulseMonths).toEqual([{ period: '2026-06', respondents: 2, mean: 3 }]);
		// A threshold of 3 hides the same month.
		const { organizers } = await import('../../db/schema');
		await t.db
			.update(organizers)
			.set({ settings: { anonymityThreshold: 3 } })
			.where(eq(organizers.id, w.organizer.id));
		const hidden = await getSurveyFigures(t.db, { ...args, unitId: w.unit.id, now: new Date('2026-07-02T08:00:00Z') });
		expect(hidden.pulseMonths).toEqual([{ period: '2026-06', respondents: null, mean: null }]);
	});
});

describe('addWorkingDays', () => {
	it('skips weekends', () => {
		// Friday and Saturday with one day: Monday, same time of day.
		expect(addWorkingDays(new Date('2026-05-08T14:00:00Z'), 1).toISOString()).toBe('2026-05-11T14:00:00.000Z');
		expect(addWorkingDays(new Date('2026-05-09T10:00:00Z'), 1).toISOString()).toBe('2026-05-11T10:00:00.000Z');
		expect(addWorkingDays(new Date('2026-05-06T10:00:00Z'), 2).toISOString()).toBe('2026-05-08T10:00:00.000Z');
		expect(addWorkingDays(new Date('2026-05-07T10:00:00Z'), 2).toISOString()).toBe('2026-05-11T10:00:00.000Z');
	});
	it('skips Swedish holidays and eves, and the closed days of the calendar it is given', () => {
		// Wednesday 23 December: julafton, juldagen, then the weekend; the next working day is Monday the 28th.
		expect(addWorkingDays(new Date('2026-12-23T10:00:00Z'), 1).toISOString()).toBe('2026-12-28T10:00:00.000Z');
		const closedMonday = { ...DEFAULT_CALENDAR, closedDays: ['2026-05-11'] };
		expect(addWorkingDays(new Date('2026-05-08T14:00:00Z'), 1, closedMonday).toISOString()).toBe('2026-05-12T14:00:00.000Z');
	});
	it('sends at once with no delay, also at the weekend (decision 059: zero delay sends within seconds)', () => {
		expect(addWorkingDays(new Date('2026-05-09T10:00:00Z'), 0).toISOString()).toBe('2026-05-09T10:00:00.000Z');
		expect(addWorkingDays(new Date('2026-05-10T23:30:00Z'), 0).toISOString()).toBe('2026-05-10T23:30:00.000Z');
	});
});
