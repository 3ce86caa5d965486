import { and, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentResponses, assessmentRoundUnits, assessmentRounds, organizers, roundRemindersSent } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { sendMail } from '../../mail/send-mail';
import { todayInStockholm } from '../../auth/load-actor';
import { env } from '../../env';
import { addDays } from '../../planning/reminders/send-due-reminders';
import { loadUnitAccess } from '../rounds/unit-access';
import { findRoundRespondents, type RoundRespondent } from '../rates/find-round-respondents';
import { buildAnswerReminderMail } from './answer-reminder-mail';

type OpenRound = typeof assessmentRounds.$inferSelect & { slug: string };

/**
 * The reminder point owed on `today`: the nearest point (fewest days before closing) whose day has come and that
 * falls on or after the opening day, so a short round is not reminded the day it opens. Null before the first.
 */
export function reminderPoint(round: { opensOn: string; closesOn: string; reminderDays: number[] }, today: string): number | null {
	const due = round.reminderDays
		.filter((d) => d >= 0)
		.filter((d) => {
			const day = addDays(round.closesOn, -d);
			return day <= today && day >= round.opensOn;
		});
	return due.length ? Math.min(...due) : null;
}

/** Who has not submitted: the respondents' places (unit × perspective) without a submitted answer, by person. */
async function pendingByPerson(db: Db, round: OpenRound, respondents: RoundRespondent[]) {
	const done = await db
		.select({ personId: assessmentResponses.personId, unitId: assessmentResponses.unitId, perspective: assessmentResponses.perspective })
		.from(assessmentResponses)
		.where(
			and(
				eq(assessmentResponses.roundId, round.id),
				eq(assessmentResponses.organizerId, round.organizerId),
				isNotNull(assessmentResponses.personId),
				isNotNull(assessmentResponses.submittedAt)
			)
		);
	const submitted = new Set(done.map((d) => `${d.personId} ${d.unitId} ${d.perspective}`));
	const out = new Map<string, { email: string; places: { unitId: string; perspective: string }[] }>();
	for (const r of respondents) {
		if (submitted.has(`${r.personId} ${r.unitId} ${r.perspective}`)) continue;
		const entry = out.get(r.personId) ?? { email: r.email, places: [] };
		entry.places.push({ unitId: r.unitId, perspective: r.perspective });
		out.set(r.personId, entry);
	}
	return out;
}

/** One reminder in its own transaction: the row in round_reminders_sent claims it, then the mail and the audit. */
async function sendOne(
	db: Db,
	round: OpenRound,
	daysBefore: number,
	person: { personId: string; email: string; places: { unitId: string; perspective: string }[] },
	unitName: (id: string) => string,
	today: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const claimed = await tx
			.insert(roundRemindersSent)
			.values({ roundId: round.id, personId: person.personId, daysBefore, organizerId: round.organizerId })
			.onConflictDoNothing()
			.returning({ roundId: roundRemindersSent.roundId });
		if (!claimed.length) return false;
		const unitIds = [...new Set(person.places.map((p) => p.unitId))];
		const mail = buildAnswerReminderMail({
			roundName: round.name,
			closesOn: round.closesOn,
			daysLeft: Math.round((Date.parse(round.closesOn) - Date.parse(today)) / 86_400_000),
			places: unitIds.map((u) => ({
				unitName: unitName(u),
				perspectives: person.places.filter((p) => p.unitId === u).map((p) => p.perspective),
				link: `${env.ORIGIN}/${round.slug}/skattning/${round.id}/svara/${u}`
			}))
		});
		await sendMail(tx, { organizerId: round.organizerId, to: person.email, ...mail });
		await recordAudit(tx, {
			organizerId: round.organizerId,
			actorId: null,
			action: 'assessment_round.remind',
			entityType: 'assessment_round',
			entityId: round.id,
			changes: { daysBefore, personId: person.personId }
		});
		return true;
	});
}

/**
 * Sends the reminders to answer owed at `now` (the answer-reminders job; tests pass a made-up `now`): for every open
 * round with reminder points, once the nearest point's day has come, each person with an account who may answer and
 * has not submitted at every place gets one mail for that point. Closed rounds, anonymous-link respondents and those
 * who have answered get nothing. Idempotent: round_reminders_sent's key sends each reminder once (decision 036).
 */
export async function sendAnswerReminders(db: Db, now: Date, opts: { organizerId?: string } = {}): Promise<{ sent: number }> {
	const today = todayInStockholm(now);
	const rounds: OpenRound[] = (
		await db
			.select({ round: assessmentRounds, slug: organizers.slug })
			.from(assessmentRounds)
			.innerJoin(organizers, eq(organizers.id, assessmentRounds.organizerId))
			.where(
				and(
					opts.organizerId ? eq(assessmentRounds.organizerId, opts.organizerId) : undefined,
					isNull(assessmentRounds.closedAt),
					lte(assessmentRounds.opensOn, today),
					gte(assessmentRounds.closesOn, today),
					sql`cardinality(${assessmentRounds.reminderDays}) > 0`
				)
			)
	).map((r) => ({ ...r.round, slug: r.slug }));
	let sent = 0;
	for (const round of rounds) {
		const point = reminderPoint(round, today);
		if (point === null) continue;
		const unitRows = await db
			.select({ unitId: assessmentRoundUnits.unitId })
			.from(assessmentRoundUnits)
			.where(eq(assessmentRoundUnits.roundId, round.id));
		const respondents = await findRoundRespondents(db, { round: { ...round, unitIds: unitRows.map((u) => u.unitId) }, today });
		const pending = await pendingByPerson(db, round, respondents);
		if (!pending.size) continue;
		const already = await db
			.select({ personId: roundRemindersSent.personId })
			.from(roundRemindersSent)
			.where(and(eq(roundRemindersSent.roundId, round.id), eq(roundRemindersSent.daysBefore, point)));
		const done = new Set(already.map((a) => a.personId));
		const access = await loadUnitAccess(db, round.organizerId);
		const unitName = (id: string) => access.byId.get(id)?.name ?? '';
		for (const [personId, p] of pending) {
			if (done.has(personId)) continue;
			if (await sendOne(db, round, point, { personId, ...p }, unitName, today)) sent++;
		}
	}
	return { sent };
}
