import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentConclusions, assessmentLinks, units } from '../../db/schema';
import { AppError } from '../../errors';
import { getRound, requireRoundUnit } from '../rounds/get-round';
import { getRoundItems } from '../rounds/round-items';
import { roundStatus } from '../rounds/round-status';
import { findConclusionActions, type ConclusionAction } from '../../planning/conclusion-actions';

type Text = { sv: string; en: string };

/** One written conclusion as a link holder may read it: no author, no figures. */
export type LinkConclusion = {
	id: string;
	summary: string;
	/** What the conclusion is about: null for the whole round, else the sub-goal and, if set, the item. */
	scope: { subGoalId: string; subGoalTitle: Text | null; itemKey: string | null; itemStatement: Text | null } | null;
	createdAt: Date;
	/** The actions planned from it ("vi gör"): what, status, when; never who. */
	actions: ConclusionAction[];
};

const MAX_TOKEN = 200;

/**
 * "Ni sa – vi gör" for whoever holds an anonymous link: once the link's round has closed, the
 * conclusions written for the link's unit and the organizer's conclusions for that round. The
 * link itself is the permission (it is shared with a whole group), so there is no actor; only the
 * written summaries and their scope are returned, never answers, figures or who wrote them.
 * While the round is not closed the lists are empty. NOT_FOUND for an unknown or tampered token.
 */
export async function findConclusionsForLink(db: Db, opts: { token: string }) {
	if (!opts.token || opts.token.length > MAX_TOKEN) throw new AppError('NOT_FOUND', 'link');
	const [link] = await db.select().from(assessmentLinks).where(eq(assessmentLinks.token, opts.token));
	if (!link) throw new AppError('NOT_FOUND', 'link');
	const round = await getRound(db, { organizerId: link.organizerId, roundId: link.roundId });
	requireRoundUnit(round, link.unitId);
	const [unit] = await db
		.select({ id: units.id, name: units.name })
		.from(units)
		.where(and(eq(units.organizerId, link.organizerId), eq(units.id, link.unitId)));
	if (!unit) throw new AppError('NOT_FOUND', 'unit');
	const closed = roundStatus(round) === 'closed';
	const base = { round: { id: round.id, name: round.name, closed }, unit };
	if (!closed) return { ...base, unitConclusions: [] as LinkConclusion[], organizerConclusions: [] as LinkConclusion[] };

	const rows = await db
		.select({
			id: assessmentConclusions.id,
			unitId: assessmentConclusions.unitId,
			subGoalId: assessmentConclusions.subGoalId,
			itemKey: assessmentConclusions.itemKey,
			summary: assessmentConclusions.summary,
			createdAt: assessmentConclusions.createdAt
		})
		.from(assessmentConclusions)
		.where(
			and(
				eq(assessmentConclusions.organizerId, link.organizerId),
				eq(assessmentConclusions.roundId, round.id),
				or(isNull(assessmentConclusions.unitId), eq(assessmentConclusions.unitId, link.unitId))
			)
		)
		.orderBy(asc(assessmentConclusions.createdAt), asc(assessmentConclusions.id));

	const { subGoals, items } = await getRoundItems(db, round);
	const subGoalOf = (r: (typeof rows)[number]) =>
		r.subGoalId ?? (r.itemKey ? (items.find((i) => i.key === r.itemKey)?.subGoalId ?? null) : null);
	const actions = await findConclusionActions(db, {
		organizerId: link.organizerId,
		frameworkKey: round.frameworkKey,
		conclusions: rows.map((r) => ({ id: r.id, unitId: r.unitId, subGoalId: subGoalOf(r), itemKey: r.itemKey }))
	});
	const present = (r: (typeof rows)[number]): LinkConclusion => {
		const item = r.itemKey ? items.find((i) => i.key === r.itemKey) : undefined;
		const subGoalId = subGoalOf(r);
		const sg = subGoalId ? subGoals.find((s) => s.id === subGoalId) : undefined;
		return {
			id: r.id,
			summary: r.summary,
			scope: subGoalId
				? { subGoalId, subGoalTitle: sg?.title ?? null, itemKey: r.itemKey, itemStatement: (item?.statement as Text | undefined) ?? null }
				: null,
			createdAt: r.createdAt,
			actions: actions.get(r.id) ?? []
		};
	};
	return {
		...base,
		unitConclusions: rows.filter((r) => r.unitId === link.unitId).map(present),
		organizerConclusions: rows.filter((r) => r.unitId === null).map(present)
	};
}
