import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { assessmentConclusions, units } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getRound } from '../rounds/get-round';
import { roundStatus } from '../rounds/round-status';
import { getRoundUnit } from '../consensus/get-round-unit';
import { resolveConclusionScope } from './conclusion-scope';
import { mailUnitStaff } from './mail-unit-staff';

const unitName = async (tx: Db, unitId: string) =>
	(await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId)))[0]?.name ?? '';

export const conclusionSchema = z.object({
	summary: z.string().trim().min(1, 'consensus_error_summary_required').max(8000, 'error_too_long'),
	subGoalId: z.string().max(20).nullable(),
	itemKey: z.string().max(200).nullable()
});
export type ConclusionInput = z.input<typeof conclusionSchema>;

/**
 * Writes a conclusion for a round: the unit's (unitId set; its team may) or the organizer's
 * (unitId null; holders of assessment.manage may), optionally about one sub-goal or item of the
 * round. An item scope also stores the item's sub-goal, so planning can find actions by either.
 * `notifyStaff` (a unit's conclusion, round closed; INVALID while open) also mails it to everyone
 * with a role on the unit, in the same transaction; `mailed` says how many.
 */
export async function writeConclusion(
	db: Db,
	opts: { actor: Actor; organizerId: string; roundId: string; unitId: string | null; input: ConclusionInput; notifyStaff?: boolean }
) {
	const round = opts.unitId
		? await getRoundUnit(db, { ...opts, unitId: opts.unitId }).then((r) => {
				authorize(opts.actor, 'assessment.consensus', r.resource);
				return r.round;
			})
		: await getRound(db, opts).then((r) => {
				authorize(opts.actor, 'assessment.manage', { type: 'organizer', organizerId: opts.organizerId });
				return r;
			});
	if (roundStatus(round) === 'upcoming') throw new AppError('CONFLICT', 'consensus_error_not_open');
	const parsed = conclusionSchema.safeParse(opts.input);
	if (!parsed.success)
		throw new AppError(
			'INVALID',
			'conclusion',
			parsed.error.issues.map((i) => ({ field: i.path[0] === 'summary' ? 'summary' : 'scope', message: i.message }))
		);
	const { subGoalId, itemKey } = await resolveConclusionScope(db, round, parsed.data);
	const notify = Boolean(opts.notifyStaff && opts.unitId);
	if (notify && roundStatus(round) !== 'closed')
		throw new AppError('INVALID', 'notify open', [{ field: 'notifyStaff', message: 'exports_conclusion_error_notify_open' }]);

	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(assessmentConclusions)
			.values({
				organizerId: opts.organizerId,
				roundId: round.id,
				unitId: opts.unitId,
				subGoalId,
				itemKey,
				summary: parsed.data.summary,
				createdBy: opts.actor.personId
			})
			.returning();
		const mailed = notify
			? await mailUnitStaff(tx, {
					organizerId: opts.organizerId,
					unitId: opts.unitId!,
					unitName: await unitName(tx, opts.unitId!),
					roundName: round.name,
					summary: row.summary
				})
			: null;
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'conclusion.create',
			entityType: 'assessment_conclusion',
			entityId: row.id,
			changes: {
				roundId: [null, round.id],
				unitId: [null, opts.unitId],
				subGoalId: [null, subGoalId],
				itemKey: [null, itemKey],
				summary: [null, row.summary],
				...(mailed === null ? {} : { mailed: [null, mailed] })
			}
		});
		return { ...row, mailed };
	});
}
