import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { assessmentCustomItems, assessmentRounds } from '../db/schema';
import { AppError } from '../errors';
import { getFramework } from '../assessment/framework/get-framework';
import { listFrameworks, newestVersions } from '../assessment/framework/list-frameworks';
import type { Localized } from '../assessment/framework/framework-schema';

/** A link as the form sends it: "framework:subGoal" or "framework:subGoal:itemKey". */
export type LinkValue = string;
export type ActionLink = { frameworkKey: string; subGoalId: string; itemKey: string | null };

/** One sub-goal (or item) an action may link to, with the texts to show where people plan. */
export type LinkOption = {
	value: LinkValue;
	frameworkKey: string;
	frameworkTitle: Localized;
	subGoalId: string;
	title: Localized;
	itemKey: string | null;
};

export const linkValue = (l: ActionLink): LinkValue => [l.frameworkKey, l.subGoalId, ...(l.itemKey ? [l.itemKey] : [])].join(':');

/**
 * What the organizer's actions may link to: every sub-goal and item of the newest version of each
 * shipped framework and of every version its rounds use, and the organizer's own items ("egen.…") of
 * its rounds. Another organizer's own items are not among them.
 */
export async function loadLinkOptions(db: Db, organizerId: string): Promise<{ subGoals: LinkOption[]; items: Map<LinkValue, LinkOption> }> {
	const rounds = await db
		.selectDistinct({ key: assessmentRounds.frameworkKey, version: assessmentRounds.frameworkVersion })
		.from(assessmentRounds)
		.where(eq(assessmentRounds.organizerId, organizerId));
	const files = await listFrameworks();
	const newest = newestVersions(files);
	const versions = [...newest].map(([key, version]) => ({ key, version }));
	for (const r of rounds) if (!versions.some((v) => v.key === r.key && v.version === r.version)) versions.push(r);
	const subGoals = new Map<LinkValue, LinkOption>();
	const items = new Map<LinkValue, LinkOption>();
	for (const v of versions) {
		const fw = await getFramework(v.key, v.version).catch(() => null);
		if (!fw) continue;
		for (const area of fw.areas)
			for (const sg of area.sub_goals) {
				const base = { frameworkKey: v.key, frameworkTitle: fw.title, subGoalId: sg.id };
				const sgValue = linkValue({ ...base, itemKey: null });
				// The newest version comes first, so its wording wins.
				if (!subGoals.has(sgValue)) subGoals.set(sgValue, { ...base, value: sgValue, title: sg.title, itemKey: null });
				for (const item of sg.items) {
					const value = linkValue({ ...base, itemKey: item.key });
					if (!items.has(value)) items.set(value, { ...base, value, title: item.statement, itemKey: item.key });
				}
			}
	}
	const own = await db
		.select({
			key: assessmentCustomItems.key,
			subGoalId: assessmentCustomItems.subGoalId,
			content: assessmentCustomItems.content,
			frameworkKey: assessmentRounds.frameworkKey
		})
		.from(assessmentCustomItems)
		.innerJoin(assessmentRounds, eq(assessmentRounds.id, assessmentCustomItems.roundId))
		.where(eq(assessmentCustomItems.organizerId, organizerId));
	for (const o of own) {
		const base = { frameworkKey: o.frameworkKey, subGoalId: o.subGoalId, itemKey: o.key };
		const parent = subGoals.get(linkValue({ ...base, itemKey: null }));
		const statement = (o.content as { statement?: Localized }).statement;
		if (parent && statement)
			items.set(linkValue(base), { ...base, value: linkValue(base), frameworkTitle: parent.frameworkTitle, title: statement });
	}
	return { subGoals: [...subGoals.values()], items };
}

/** Checks the links the form sent against the organizer's options; INVALID on `links` for anything else. */
export async function resolveLinks(db: Db, organizerId: string, values: string[]): Promise<ActionLink[]> {
	if (!values.length) return [];
	const { subGoals, items } = await loadLinkOptions(db, organizerId);
	const known = new Set([...subGoals.map((s) => s.value), ...items.keys()]);
	const unique = [...new Set(values)];
	if (unique.some((v) => !known.has(v))) throw new AppError('INVALID', 'links', [{ field: 'links', message: 'planning_error_link' }]);
	return unique.map((v) => {
		const [frameworkKey, subGoalId, itemKey] = v.split(':');
		return { frameworkKey, subGoalId, itemKey: itemKey ?? null };
	});
}
