import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { assessmentCustomItems } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { recordAudit } from '../../audit/record-audit';
import { AppError, throwIfIssues } from '../../errors';
import { PERSPECTIVES } from '../framework/framework-schema';
import { getFramework } from '../framework/get-framework';
import { getRound } from './get-round';
import { lockRound, requireNotClosed } from './round-checks';
import { roundIssues } from './round-input';

const text = (max: number, required: string) =>
	z.string({ message: required }).trim().min(2, required).max(max, 'rounds_error_text_too_long');
const list = (v: unknown) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v);

/** The organizer's own item, as the form posts it (Swedish text only). */
export const customItemSchema = z.object({
	subGoalId: z.string({ message: 'rounds_error_sub_goal_required' }).min(1, 'rounds_error_sub_goal_required'),
	statement: text(500, 'rounds_error_statement_required'),
	level1: text(500, 'rounds_error_level_required'),
	level2: text(500, 'rounds_error_level_required'),
	level3: text(500, 'rounds_error_level_required'),
	level4: text(500, 'rounds_error_level_required'),
	perspectives: z.preprocess(
		list,
		z.array(z.enum(PERSPECTIVES, { message: 'rounds_error_perspectives_required' })).min(1, 'rounds_error_perspectives_required')
	)
});
export type CustomItemInput = z.input<typeof customItemSchema>;

/** "Digitala verktyg i idrott!" → "digitala-verktyg-i-idrott" (ASCII, at most about 40 characters). */
export function slugify(s: string): string {
	const ascii = s
		.toLowerCase()
		.replace(/[åä]/g, 'a')
		.replace(/ö/g, 'o')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');
	const slug = ascii
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return slug || 'punkt';
}

const same = (sv: string) => ({ sv, en: sv });

/**
 * Adds the organizer's own item to a round that is not closed, under one of the framework's
 * sub-goals. The key is `egen.<slug of the statement>` (with -2, -3 … when taken), so the same
 * statement in a later round gets the same key. Swedish text is used for English too; the next
 * step from a level is to reach the next level's description. Audited.
 */
export async function addCustomItem(
	db: Db,
	{ actor, organizerId, roundId, input }: { actor: Actor | null; organizerId: string; roundId: string; input: CustomItemInput }
) {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const round = await getRound(tx, { organizerId, roundId });
		await lockRound(tx, organizerId, round.id);
		requireNotClosed(round);
		const parsed = customItemSchema.safeParse(input);
		if (!parsed.success) throw new AppError('INVALID', 'invalid item', roundIssues(parsed.error.issues));
		const d = parsed.data;
		const framework = await getFramework(round.frameworkKey, round.frameworkVersion);
		const subGoalExists = framework.areas.some((a) => a.sub_goals.some((s) => s.id === d.subGoalId));
		throwIfIssues([
			...(subGoalExists ? [] : [{ field: 'subGoalId', message: 'rounds_error_sub_goal_required' }]),
			...(d.perspectives.every((p) => round.perspectives.includes(p))
				? []
				: [{ field: 'perspectives', message: 'rounds_error_perspective_not_in_round' }])
		]);
		const taken = new Set(
			(
				await tx
					.select({ key: assessmentCustomItems.key })
					.from(assessmentCustomItems)
					.where(and(eq(assessmentCustomItems.roundId, round.id), eq(assessmentCustomItems.organizerId, organizerId)))
			).map((r) => r.key)
		);
		const base = `egen.${slugify(d.statement)}`;
		let key = base;
		for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
		const levels = [d.level1, d.level2, d.level3, d.level4];
		const content = {
			statement: same(d.statement),
			levels: { 1: same(levels[0]), 2: same(levels[1]), 3: same(levels[2]), 4: same(levels[3]) },
			perspectives: PERSPECTIVES.filter((p) => d.perspectives.includes(p)),
			next_steps: { 1: same(levels[1]), 2: same(levels[2]), 3: same(levels[3]) }
		};
		const [row] = await tx
			.insert(assessmentCustomItems)
			.values({ organizerId, roundId: round.id, key, subGoalId: d.subGoalId, content })
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'assessment_custom_item.create',
			entityType: 'assessment_round',
			entityId: round.id,
			changes: {
				key: [null, key],
				subGoalId: [null, d.subGoalId],
				statement: [null, d.statement],
				perspectives: [null, content.perspectives]
			}
		});
		return row;
	});
}
