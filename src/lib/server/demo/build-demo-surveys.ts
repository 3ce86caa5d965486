import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { surveyAnswers, surveyInvitations, surveyPulseDecisions, surveyResponses, surveys, tickets } from '../db/schema';
import { hashToken, newToken } from '../auth/tokens';
import { PULSE_LOOKBACK_DAYS } from '../followup/surveys/send-pulses';
import { PULSE_QUESTIONS, SUPPORT_QUALITY_QUESTIONS } from '../followup/surveys/templates';
import { monthOf } from '../followup/surveys/working-days';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';

const DAY = 86_400_000;
const COMMENTS = ['Snabb och vänlig hjälp.', 'Det tog lite väl lång tid.', 'Bra att jag fick veta vad som hände.', 'Löst på en gång!'];
const IMPROVE = ['Fler korta filmer i självhjälpen.', 'Tydligare vem man ska fråga först.', 'Supporten borde finnas på plats oftare.'];

export type DemoSurveyCounts = { pulseAnswers: number; rounds: number; roundAnswers: number };

/**
 * Two school years of survey answers for Exempelkommun (decision 059): the standing pulse with answers per unit and
 * month for the 24 ended months before `now` (more and better answers at larger units, one unit a little below the
 * rest), and four closed rounds of the support-quality survey (autumn and spring of each year) answered by most of the
 * units' staff. The pulse job's bookkeeping for recent cases is filled in (a pulse sent for each requester's first
 * case closed in the last two weeks, the rest within the cap), so the demo does not mail a burst when it starts; the
 * first teacher sign-in was sent a pulse ten days ago that waits in "Mina enkäter". Inserted directly, without mail
 * or audit, as the rest of the demo.
 */
export async function buildDemoSurveys(tx: Db, demo: DemoOrganizer, random: Random, opts: { now?: Date } = {}): Promise<DemoSurveyCounts> {
	const now = opts.now ?? new Date();
	const organizerId = demo.organizerId;
	const unitKeys = [...new Set(demo.people.staff.map((p) => p.unitKey).filter((k): k is string => !!k && !!demo.units[k]))];
	if (unitKeys.length === 0) return { pulseAnswers: 0, rounds: 0, roundAnswers: 0 };
	const weaker = unitKeys[unitKeys.length - 1];
	const [pulse] = await tx
		.insert(surveys)
		.values({
			organizerId,
			kind: 'pulse',
			titleSv: 'Hur gick det med ditt ärende?',
			titleEn: 'How did your case go?',
			anonymous: true,
			questions: PULSE_QUESTIONS,
			status: 'open',
			openedAt: new Date(now.getTime() - 730 * DAY),
			createdAt: new Date(now.getTime() - 730 * DAY)
		})
		.returning();
	const responses: (typeof surveyResponses.$inferInsert)[] = [];
	const answers: (typeof surveyAnswers.$inferInsert)[] = [];
	const score = (unitKey: string, base: number) =>
		Math.max(1, Math.min(5, Math.round(base + (unitKey === weaker ? -0.8 : 0) + (random.next() - 0.5) * 2.2)));
	for (let back = 1; back <= 24; back++) {
		const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15));
		// July is quiet: schools are closed.
		if (d.getUTCMonth() === 6) continue;
		for (const unitKey of unitKeys) {
			const staff = demo.people.staff.filter((p) => p.unitKey === unitKey).length;
			const n = random.int(0, Math.max(2, Math.round(staff / 2)));
			for (let i = 0; i < n; i++) {
				const id = randomUUID();
				responses.push({ id, organizerId, surveyId: pulse.id, unitId: demo.units[unitKey], period: monthOf(d) });
				answers.push({ responseId: id, questionKey: 'helped', value: score(unitKey, 4 + (24 - back) * 0.01) });
				if (random.chance(0.25)) answers.push({ responseId: id, questionKey: 'comment', text: random.pick(COMMENTS) });
			}
		}
	}
	const pulseAnswers = responses.length;
	// Four rounds of the support-quality survey: October and April of each of the two years.
	const units = unitKeys.map((k) => demo.units[k]);
	let rounds = 0;
	for (const back of [20, 14, 8, 2]) {
		const opened = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 3, 7));
		const closed = new Date(opened.getTime() + 21 * DAY);
		if (closed > now) continue;
		const [round] = await tx
			.insert(surveys)
			.values({
				organizerId,
				kind: 'support_quality',
				titleSv: `Supportens kvalitet ${opened.getUTCFullYear()}-${String(opened.getUTCMonth() + 1).padStart(2, '0')}`,
				titleEn: `Quality of support ${opened.getUTCFullYear()}-${String(opened.getUTCMonth() + 1).padStart(2, '0')}`,
				anonymous: true,
				questions: SUPPORT_QUALITY_QUESTIONS,
				status: 'closed',
				seriesKey: 'support_quality',
				unitIds: units,
				openedAt: opened,
				closedAt: closed,
				createdAt: opened
			})
			.returning();
		rounds++;
		const invitations: (typeof surveyInvitations.$inferInsert)[] = [];
		for (const p of demo.people.staff) {
			if (!p.unitKey || !demo.units[p.unitKey]) continue;
			const answered = random.chance(0.7);
			invitations.push({
				organizerId,
				surveyId: round.id,
				personId: p.id,
				unitId: demo.units[p.unitKey],
				tokenHash: hashToken(newToken()),
				sentAt: opened,
				answeredAt: answered ? new Date(opened.getTime() + random.int(0, 20) * DAY) : null,
				remindersSent: answered ? 0 : 2
			});
			if (!answered) continue;
			const id = randomUUID();
			responses.push({ id, organizerId, surveyId: round.id, unitId: demo.units[p.unitKey], period: '' });
			const trend = (20 - back) * 0.02;
			for (const key of ['reach', 'speed', 'teaching', 'selfhelp'])
				answers.push({ responseId: id, questionKey: key, value: score(p.unitKey, 3.6 + trend) });
			answers.push({ responseId: id, questionKey: 'channel', choice: random.pick(['case', 'case', 'key_person', 'colleague', 'none']) });
			if (random.chance(0.2)) answers.push({ responseId: id, questionKey: 'improve', text: random.pick(IMPROVE) });
		}
		for (let i = 0; i < invitations.length; i += 500) await tx.insert(surveyInvitations).values(invitations.slice(i, i + 500));
	}
	for (let i = 0; i < responses.length; i += 1000) await tx.insert(surveyResponses).values(responses.slice(i, i + 1000));
	for (let i = 0; i < answers.length; i += 2000) await tx.insert(surveyAnswers).values(answers.slice(i, i + 2000));
	await fillPulseBookkeeping(tx, demo, pulse.id, now);
	return { pulseAnswers, rounds, roundAnswers: responses.length - pulseAnswers };
}

/** The pulse job's decisions for recently closed demo cases, and the first teacher's pulse of ten days ago. */
async function fillPulseBookkeeping(tx: Db, demo: DemoOrganizer, pulseId: string, now: Date) {
	const organizerId = demo.organizerId;
	const teacherEmail = demo.signIns.find((s) => s.label.startsWith('staff'))?.email;
	const teacher = demo.people.staff.find((p) => p.email === teacherEmail) ?? demo.people.staff[0];
	const recent = await tx
		.select({ id: tickets.id, requesterId: tickets.requesterId, unitId: tickets.unitId, closedAt: tickets.closedAt })
		.from(tickets)
		.where(
			and(
				eq(tickets.organizerId, organizerId),
				eq(tickets.state, 'closed'),
				gte(tickets.closedAt, new Date(now.getTime() - (PULSE_LOOKBACK_DAYS + 16) * DAY)),
				isNull(tickets.mergedIntoId)
			)
		)
		.orderBy(tickets.closedAt);
	// The teacher's pulse ten days ago: about one of their own closed cases, else the latest closed case made theirs.
	const [own] = teacher
		? await tx
				.select({ id: tickets.id, unitId: tickets.unitId })
				.from(tickets)
				.where(and(eq(tickets.organizerId, organizerId), eq(tickets.requesterId, teacher.id), eq(tickets.state, 'closed')))
				.orderBy(desc(tickets.closedAt))
				.limit(1)
		: [];
	const teacherCase = own ?? recent[0];
	const lastSent = new Map<string, number>();
	const decisions: (typeof surveyPulseDecisions.$inferInsert)[] = [];
	const invitations: (typeof surveyInvitations.$inferInsert)[] = [];
	if (teacher && teacherCase) {
		if (!own) await tx.update(tickets).set({ requesterId: teacher.id }).where(eq(tickets.id, teacherCase.id));
		const at = new Date(now.getTime() - 10 * DAY);
		decisions.push({ ticketId: teacherCase.id, organizerId, personId: teacher.id, outcome: 'sent', decidedAt: at });
		invitations.push({
			organizerId,
			surveyId: pulseId,
			personId: teacher.id,
			unitId: teacherCase.unitId,
			ticketId: teacherCase.id,
			tokenHash: hashToken(newToken()),
			period: monthOf(at),
			sentAt: at
		});
		lastSent.set(teacher.id, at.getTime());
	}
	for (const c of recent) {
		if (c.id === teacherCase?.id || !c.closedAt) continue;
		const at = new Date(Math.min(now.getTime() - DAY, c.closedAt.getTime() + DAY));
		const last = lastSent.get(c.requesterId);
		const capped = last !== undefined && Math.abs(at.getTime() - last) < 30 * DAY;
		decisions.push({ ticketId: c.id, organizerId, personId: c.requesterId, outcome: capped ? 'capped' : 'sent', decidedAt: at });
		if (capped) continue;
		lastSent.set(c.requesterId, at.getTime());
		invitations.push({
			organizerId,
			surveyId: pulseId,
			personId: c.requesterId,
			unitId: c.unitId,
			ticketId: c.id,
			tokenHash: hashToken(newToken()),
			period: monthOf(at),
			sentAt: at
		});
	}
	if (decisions.length) await tx.insert(surveyPulseDecisions).values(decisions);
	for (let i = 0; i < invitations.length; i += 500) await tx.insert(surveyInvitations).values(invitations.slice(i, i + 500));
}
