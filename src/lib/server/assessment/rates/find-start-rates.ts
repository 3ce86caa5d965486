import { and, count, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentResponses, assessmentRoundUnits, assessmentRounds } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { todayInStockholm } from '../../auth/load-actor';
import { roundStatus, type RoundStatus } from '../rounds/round-status';
import { loadUnitAccess } from '../rounds/unit-access';
import { findRoundRespondents } from './find-round-respondents';

/**
 * One perspective's submitted responses at a unit (or the whole round): only counts, never who. `eligible` is how
 * many with an account may answer; `percent` compares all submitted answers (anonymous links too, since staff often
 * answer that way) with it, at most 100, and is null when nobody with an account may answer (pupils who answer
 * through links). `viaLink` says how many of the submitted came through anonymous links.
 */
export type RateCell = { perspective: string; submitted: number; viaLink: number; eligible: number; percent: number | null };
export type StartRound = {
	id: string;
	name: string;
	status: RoundStatus;
	opensOn: string;
	closesOn: string;
	totals: RateCell[];
	units: { unitId: string; unitName: string; cells: RateCell[] }[];
};

type Count = { unitId: string; perspective: string; account: boolean; n: number };

const percentOf = (done: number, of: number) => (of > 0 ? Math.min(100, Math.round((100 * done) / of)) : null);

function cell(perspective: string, counts: Count[], eligible: number): RateCell {
	const account = counts.filter((c) => c.account).reduce((s, c) => s + c.n, 0);
	const viaLink = counts.filter((c) => !c.account).reduce((s, c) => s + c.n, 0);
	return { perspective, submitted: account + viaLink, viaLink, eligible, percent: percentOf(account + viaLink, eligible) };
}

async function rates(db: Db, round: typeof assessmentRounds.$inferSelect, today: string): Promise<StartRound> {
	const unitRows = await db
		.select({ unitId: assessmentRoundUnits.unitId })
		.from(assessmentRoundUnits)
		.where(eq(assessmentRoundUnits.roundId, round.id));
	const access = await loadUnitAccess(db, round.organizerId);
	const unitIds = access.sort(unitRows.map((r) => r.unitId));
	const counts: Count[] = (
		await db
			.select({
				unitId: assessmentResponses.unitId,
				perspective: assessmentResponses.perspective,
				account: sql<boolean>`${assessmentResponses.personId} IS NOT NULL`,
				n: count()
			})
			.from(assessmentResponses)
			.where(
				and(
					eq(assessmentResponses.organizerId, round.organizerId),
					eq(assessmentResponses.roundId, round.id),
					isNotNull(assessmentResponses.submittedAt)
				)
			)
			.groupBy(assessmentResponses.unitId, assessmentResponses.perspective, sql`${assessmentResponses.personId} IS NOT NULL`)
	).map((c) => ({ ...c, n: Number(c.n) }));
	// Who may answer: as of today for an open round; for a closed one, as of its closing day.
	const asOf = roundStatus(round, today) === 'closed' && round.closesOn < today ? round.closesOn : today;
	const respondents = await findRoundRespondents(db, { round: { ...round, unitIds }, today: asOf });
	const eligible = (unitId: string | null, perspective: string) =>
		respondents.filter((r) => (unitId === null || r.unitId === unitId) && r.perspective === perspective).length;
	return {
		id: round.id,
		name: round.name,
		status: roundStatus(round, today),
		opensOn: round.opensOn,
		closesOn: round.closesOn,
		totals: round.perspectives.map((p) =>
			cell(
				p,
				counts.filter((c) => c.perspective === p && unitIds.includes(c.unitId)),
				eligible(null, p)
			)
		),
		units: unitIds.map((unitId) => ({
			unitId,
			unitName: access.byId.get(unitId)?.name ?? '',
			cells: round.perspectives.map((p) =>
				cell(
					p,
					counts.filter((c) => c.perspective === p && c.unitId === unitId),
					eligible(unitId, p)
				)
			)
		}))
	};
}

/**
 * The response rates for the start page of those who read the whole organizer's results (leadership, readers,
 * administrators): every open round, and the latest closed one. Counts per unit and perspective only, which
 * reveal no answer whatever the group size. Null for anyone else; `now` is for tests.
 */
export async function findStartRates(
	db: Db,
	{ actor, organizerId, now = new Date() }: { actor: Actor | null; organizerId: string; now?: Date }
): Promise<{ open: StartRound[]; closed: StartRound | null } | null> {
	if (!can(actor, 'assessment.organizer_report', { type: 'organizer', organizerId })) return null;
	const today = todayInStockholm(now);
	const mine = eq(assessmentRounds.organizerId, organizerId);
	const open = await db
		.select()
		.from(assessmentRounds)
		.where(and(mine, isNull(assessmentRounds.closedAt), lte(assessmentRounds.opensOn, today), gte(assessmentRounds.closesOn, today)))
		.orderBy(assessmentRounds.closesOn, assessmentRounds.id);
	const [closed] = await db
		.select()
		.from(assessmentRounds)
		.where(and(mine, or(isNotNull(assessmentRounds.closedAt), lt(assessmentRounds.closesOn, today))))
		.orderBy(desc(assessmentRounds.closesOn), desc(assessmentRounds.id))
		.limit(1);
	const out: StartRound[] = [];
	for (const r of open) out.push(await rates(db, r, today));
	return { open: out, closed: closed ? await rates(db, closed, today) : null };
}
