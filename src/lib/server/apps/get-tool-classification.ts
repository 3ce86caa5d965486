import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appClassifications, appTools, people } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { activeCatalogue, rulesOf } from './classification-queries';
import { requirementsFor } from './requirement-catalogue';
import { simplifiedVerdict } from './simplified-review';

/**
 * One tool's classification (apps.register): the current one with its assessor's name, the earlier ones, the
 * requirements that follow from the current levels by the organizer's catalogue, and whether the simplified review is
 * enough by the organizer's rules. NOT_FOUND for a tool of another organizer or a malformed id.
 */
export async function getToolClassification(db: Db, opts: { actor: Actor; organizerId: string; toolId: string }) {
	const { actor, organizerId, toolId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const [tool] = isUuid(toolId)
		? await db
				.select({ id: appTools.id, name: appTools.name, personalData: appTools.personalData })
				.from(appTools)
				.where(and(eq(appTools.id, toolId), eq(appTools.organizerId, organizerId)))
		: [];
	if (!tool) throw new AppError('NOT_FOUND', 'no such tool');
	const [rows, catalogue, rules] = await Promise.all([
		db
			.select({ c: appClassifications, assessedByName: people.name })
			.from(appClassifications)
			.innerJoin(people, eq(people.id, appClassifications.assessedBy))
			.where(and(eq(appClassifications.toolId, tool.id), eq(appClassifications.organizerId, organizerId)))
			.orderBy(desc(appClassifications.assessedAt), desc(appClassifications.id)),
		activeCatalogue(db, organizerId),
		rulesOf(db, organizerId)
	]);
	const all = rows.map((r) => ({ ...r.c, assessedByName: r.assessedByName }));
	const current = all[0] ?? null;
	// A classification made before the tool was marked as handling personal data has no traceability; one made while it
	// did keeps its traceability, which no longer counts once the tool handles none.
	const levels = current && {
		confidentiality: current.confidentiality,
		integrity: current.integrity,
		availability: current.availability,
		traceability: tool.personalData ? current.traceability : null
	};
	return {
		tool,
		current,
		history: all.slice(1),
		levels,
		requirements: levels ? requirementsFor(levels, catalogue) : [],
		verdict: simplifiedVerdict(levels, tool.personalData, rules),
		rules,
		canManage: can(actor, 'apps.manage', { type: 'apps', organizerId })
	};
}
