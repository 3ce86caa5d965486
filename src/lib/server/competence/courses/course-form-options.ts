import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { appTools, supportCategories } from '../../db/schema';
import { getFramework } from '../../assessment/framework/get-framework';
import { ASPECTS, REFLECTION } from '../competence-rules';

/** The national strategy version whose sub-goals a course can be tagged with. */
const STRATEGY = { key: 'nationella-strategin', version: '2026.2' };

/**
 * What a course can be tagged with: reflection areas, the four aspects, the national strategy's sub-goals, the
 * organizer's support categories and the tools of its app register. Labels of areas and aspects come from messages.
 */
export async function courseFormOptions(db: Db, organizerId: string, locale: 'sv' | 'en' = 'sv') {
	const [framework, categories, tools] = await Promise.all([
		getFramework(STRATEGY.key, STRATEGY.version),
		db
			.select({ id: supportCategories.id, name: supportCategories.name })
			.from(supportCategories)
			.where(and(eq(supportCategories.organizerId, organizerId), isNull(supportCategories.archivedAt)))
			.orderBy(asc(supportCategories.nameSort)),
		db
			.select({ id: appTools.id, name: appTools.name })
			.from(appTools)
			.where(eq(appTools.organizerId, organizerId))
			.orderBy(asc(appTools.nameKey))
	]);
	return {
		areas: REFLECTION.areas.map((a) => ({ key: a.key, title: a.name[locale] ?? a.name.sv })),
		aspects: [...ASPECTS],
		subGoals: framework.areas.flatMap((a) =>
			a.sub_goals.filter((s) => s.id.includes('.')).map((s) => ({ id: s.id, title: `${s.id} ${s.title[locale] ?? s.title.sv}` }))
		),
		categories,
		tools
	};
}
