import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentConclusions } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { getRound } from '../rounds/get-round';
import { getRoundItems } from '../rounds/round-items';
import { consensusRows } from '../consensus/queries';
import { toConsensusValue } from '../consensus/consensus-value';
import { conclusionAccess } from './conclusion-access';
import { findConclusionActions } from '../../planning/conclusion-actions';

const average = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/**
 * "Ni sa – vi gör" for a round: the units the actor may follow, and for one of them (the
 * requested one, else the first) its conclusions and agreed results per sub-goal, plus the
 * organizer's conclusions. Each conclusion carries its scope (sub-goal, item) so planning can
 * attach actions to it. FORBIDDEN for someone who neither answered nor belongs to a team or
 * reads the organizer's reports; `waiting` when they answered and the round is still open.
 */
export async function findConclusions(db: Db, opts: { actor: Actor; organizerId: string; roundId: string; unitId?: string | null }) {
	const round = await getRound(db, opts);
	const access = await conclusionAccess(db, opts.actor, round);
	const base = {
		round: { id: round.id, name: round.name, closed: access.closed, frameworkKey: round.frameworkKey },
		canWriteOrganizer: access.canWriteOrganizer
	};
	if (access.waiting) return { ...base, waiting: true as const, units: [], unit: null, organizerConclusions: [], subGoals: [] };
	if (!access.units.length && !access.canWriteOrganizer) throw new AppError('FORBIDDEN', 'conclusions');

	const selected = access.units.find((u) => u.id === opts.unitId) ?? access.units[0] ?? null;
	if (opts.unitId && selected?.id !== opts.unitId) throw new AppError('NOT_FOUND', 'unit');
	const { subGoals } = await getRoundItems(db, round);
	const rows = await db
		.select()
		.from(assessmentConclusions)
		.where(
			and(
				eq(assessmentConclusions.organizerId, opts.organizerId),
				eq(assessmentConclusions.roundId, round.id),
				selected
					? or(isNull(assessmentConclusions.unitId), eq(assessmentConclusions.unitId, selected.id))
					: isNull(assessmentConclusions.unitId)
			)
		)
		.orderBy(asc(assessmentConclusions.createdAt));
	const subGoalOfItem = new Map(subGoals.flatMap((sg) => sg.items.map((i) => [i.key, sg.id] as const)));
	const subGoalOf = (r: (typeof rows)[number]) => r.subGoalId ?? (r.itemKey ? (subGoalOfItem.get(r.itemKey) ?? null) : null);
	const actions = await findConclusionActions(db, {
		organizerId: opts.organizerId,
		frameworkKey: round.frameworkKey,
		conclusions: rows.map((r) => ({ id: r.id, unitId: r.unitId, subGoalId: subGoalOf(r), itemKey: r.itemKey }))
	});
	const present = (r: (typeof rows)[number]) => ({
		id: r.id,
		subGoalId: r.subGoalId,
		itemKey: r.itemKey,
		summary: r.summary,
		createdAt: r.createdAt,
		actions: actions.get(r.id) ?? []
	});

	let unit = null;
	if (selected) {
		const agreed = new Map(
			(await consensusRows(db, { organizerId: opts.organizerId, roundId: round.id, unitId: selected.id })).map((c) => [
				c.itemKey,
				toConsensusValue(c)
			])
		);
		unit = {
			...selected,
			conclusions: rows.filter((r) => r.unitId === selected.id).map(present),
			results: subGoals.map((sg) => {
				const levels = sg.items.flatMap((i) => (/^[1-4]$/.test(agreed.get(i.key) ?? '') ? [Number(agreed.get(i.key))] : []));
				return { subGoalId: sg.id, title: sg.title, agreedMean: average(levels), agreedCount: levels.length, itemCount: sg.items.length };
			})
		};
	}
	return {
		...base,
		waiting: false as const,
		units: access.units.map(({ id, name }) => ({ id, name })),
		unit,
		organizerConclusions: rows.filter((r) => r.unitId === null).map(present),
		subGoals: subGoals.map((sg) => ({ id: sg.id, title: sg.title, items: sg.items.map((i) => ({ key: i.key, statement: i.statement })) }))
	};
}
