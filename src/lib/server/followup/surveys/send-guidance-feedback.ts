import { and, asc, eq, gte, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	guidanceBookings,
	guidanceSessions,
	people,
	roleAssignments,
	surveyInvitations,
	surveySettings,
	surveys,
	type GuidanceKind
} from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { newToken, hashToken } from '../../auth/tokens';
import { sendMail } from '../../mail/send-mail';
import { PULSE_DEFAULTS } from './pulse-settings';
import { surveyInvitationMail } from './survey-mail';
import { GUIDANCE_QUESTIONS } from './templates';
import { monthOf } from './working-days';

const DAY = 86_400_000;
/** Sessions that ended longer ago than this are never asked about. */
export const GUIDANCE_LOOKBACK_DAYS = 14;

const TITLES: Record<GuidanceKind, { sv: string; en: string }> = {
	one_to_one: { sv: 'Hur var din handledning?', en: 'How was your guidance session?' },
	drop_in: { sv: 'Hur var drop-in-stunden?', en: 'How was the drop-in?' }
};

/** The organizer's standing feedback survey for one kind of guidance session (created the first time it is needed). */
export async function ensureGuidanceSurvey(tx: Db, organizerId: string, kind: GuidanceKind) {
	const seriesKey = `guidance:${kind}`;
	const find = () =>
		tx
			.select()
			.from(surveys)
			.where(and(eq(surveys.organizerId, organizerId), eq(surveys.kind, 'guidance_feedback'), eq(surveys.seriesKey, seriesKey)));
	const [found] = await find();
	if (found) return found;
	const [row] = await tx
		.insert(surveys)
		.values({
			organizerId,
			kind: 'guidance_feedback',
			titleSv: TITLES[kind].sv,
			titleEn: TITLES[kind].en,
			anonymous: true,
			questions: GUIDANCE_QUESTIONS,
			status: 'open',
			seriesKey,
			openedAt: new Date()
		})
		.returning();
	return row;
}

/**
 * The short feedback form after a guidance session or drop-in (issue 20, decision 067; run by the hourly
 * survey-pulses job): every booking of a session that has ended (within the last GUIDANCE_LOOKBACK_DAYS, neither
 * session nor booking cancelled, the person active) gets one one-use link by mail to the standing anonymous survey of
 * its session kind — unless the person was sent a guidance form within the organizer's cap (the pulse's cap, 30 days
 * by default). The answer counts at the session's unit, else at one of the person's units; with neither it is not asked.
 * An invitation is unique per booking, so a booking is asked at most once. Audited survey.guidance.
 */
export async function sendGuidanceFeedback(db: Db, now: Date, opts: { organizerId?: string } = {}) {
	const due = await db
		.select({
			bookingId: guidanceBookings.id,
			personId: guidanceBookings.personId,
			organizerId: guidanceSessions.organizerId,
			kind: guidanceSessions.kind,
			unitId: guidanceSessions.unitId,
			capDays: surveySettings.pulseCapDays
		})
		.from(guidanceBookings)
		.innerJoin(guidanceSessions, eq(guidanceSessions.id, guidanceBookings.sessionId))
		.innerJoin(people, eq(people.id, guidanceBookings.personId))
		.leftJoin(surveyInvitations, eq(surveyInvitations.bookingId, guidanceBookings.id))
		.leftJoin(surveySettings, eq(surveySettings.organizerId, guidanceSessions.organizerId))
		.where(
			and(
				lte(guidanceSessions.endsAt, now),
				gte(guidanceSessions.endsAt, new Date(now.getTime() - GUIDANCE_LOOKBACK_DAYS * DAY)),
				isNull(guidanceSessions.cancelledAt),
				isNull(guidanceBookings.cancelledAt),
				isNull(surveyInvitations.id),
				eq(people.status, 'active'),
				opts.organizerId ? eq(guidanceSessions.organizerId, opts.organizerId) : undefined
			)
		)
		.orderBy(guidanceSessions.endsAt);
	let sent = 0;
	for (const b of due) if (await db.transaction((tx) => invite(tx, b, now))) sent++;
	return { sent };
}

type Due = {
	bookingId: string;
	personId: string;
	organizerId: string;
	kind: GuidanceKind;
	unitId: string | null;
	capDays: number | null;
};

async function invite(tx: Db, b: Due, now: Date): Promise<boolean> {
	const capDays = b.capDays ?? PULSE_DEFAULTS.pulseCapDays;
	// The cap: a guidance form sent to this person within the organizer's cap days (any session kind).
	const [recent] = await tx
		.select({ id: surveyInvitations.id })
		.from(surveyInvitations)
		.where(
			and(
				eq(surveyInvitations.personId, b.personId),
				isNotNull(surveyInvitations.bookingId),
				gte(surveyInvitations.sentAt, new Date(now.getTime() - capDays * DAY))
			)
		)
		.limit(1);
	if (recent) return false;
	const unitId = b.unitId ?? (await firstUnitOf(tx, b.organizerId, b.personId));
	if (!unitId) return false;
	const [person] = await tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, b.personId));
	const survey = await ensureGuidanceSurvey(tx, b.organizerId, b.kind);
	const token = newToken();
	const [inv] = await tx
		.insert(surveyInvitations)
		.values({
			organizerId: b.organizerId,
			surveyId: survey.id,
			personId: b.personId,
			unitId,
			bookingId: b.bookingId,
			tokenHash: hashToken(token),
			period: monthOf(now),
			sentAt: now
		})
		.onConflictDoNothing()
		.returning({ id: surveyInvitations.id });
	if (!inv) return false;
	const mail = surveyInvitationMail({ name: person.name, titleSv: survey.titleSv, titleEn: survey.titleEn, anonymous: true, token });
	await sendMail(tx, { organizerId: b.organizerId, to: person.email, ...mail, sensitive: true });
	await recordAudit(tx, {
		organizerId: b.organizerId,
		actorId: null,
		action: 'survey.guidance',
		entityType: 'guidance_booking',
		entityId: b.bookingId,
		changes: { invitationId: inv.id }
	});
	return true;
}

/** One unit of the person's roles at the organizer (the same each time): the group their answer counts in; or null. */
async function firstUnitOf(tx: Db, organizerId: string, personId: string): Promise<string | null> {
	const [row] = await tx
		.select({ unitId: roleAssignments.unitId })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.organizerId, organizerId), eq(roleAssignments.personId, personId), isNotNull(roleAssignments.unitId)))
		.orderBy(asc(roleAssignments.unitId))
		.limit(1);
	return row?.unitId ?? null;
}
