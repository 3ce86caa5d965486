import { z } from 'zod';
import type { Db } from '../../db';
import { AppError, zodIssues } from '../../errors';
import { loadLinkOptions } from '../framework-links';

/** A strategic goal as the form sends it; sub-goals as "framework:subGoal". */
export const goalSchema = z.object({
	title: z.string({ error: 'vision_error_goal_title' }).trim().min(1, 'vision_error_goal_title').max(300, 'error_too_long'),
	description: z.string().trim().max(4000, 'error_too_long').default(''),
	position: z
		.string()
		.trim()
		.refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) <= 1000), 'vision_error_position')
		.default(''),
	subGoals: z.array(z.string().max(300)).max(100).default([])
});

export type GoalInput = z.input<typeof goalSchema>;

/** The vision text. */
export const visionSchema = z.object({ text: z.string().trim().max(8000, 'error_too_long').default('') });

/**
 * Parses a goal and checks its sub-goals against the organizer's framework (decision 020): at least one,
 * each a sub-goal (not an item) the organizer's actions could link to. INVALID beside each field at once.
 */
export async function parseGoal(db: Db, organizerId: string, input: GoalInput) {
	const parsed = goalSchema.safeParse(input);
	const issues = parsed.success ? [] : zodIssues(parsed.error.issues);
	const chosen = [...new Set((parsed.success ? parsed.data.subGoals : (input.subGoals ?? [])).filter(Boolean))];
	if (!chosen.length) issues.push({ field: 'subGoals', message: 'vision_error_sub_goal_required' });
	else {
		const known = new Set((await loadLinkOptions(db, organizerId)).subGoals.map((s) => s.value));
		if (chosen.some((v) => !known.has(v))) issues.push({ field: 'subGoals', message: 'vision_error_sub_goal_unknown' });
	}
	if (!parsed.success || issues.length) throw new AppError('INVALID', 'goal', issues);
	const subGoals = chosen.sort().map((v) => {
		const [frameworkKey, subGoalId] = v.split(':');
		return { frameworkKey, subGoalId };
	});
	return { ...parsed.data, position: parsed.data.position ? Number(parsed.data.position) : null, subGoals };
}
