import { and, count, desc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCategories, tickets } from '../../db/schema';

/** How far back cases count. */
const DAYS = 365;

/**
 * Support categories of handhavandefel (cases solved with cause `user_error`) in the last year, with how many: of one
 * person's own cases (requesterId), or of the cases at some units (unitIds). Most first. Internal to the courses;
 * callers apply their own reader check.
 */
export async function userErrorCategories(
	db: Db,
	o: { organizerId: string; requesterId?: string; unitIds?: string[]; now?: Date; atLeast?: number }
): Promise<{ categoryId: string; name: string; cases: number }[]> {
	if (o.unitIds && o.unitIds.length === 0) return [];
	const since = new Date((o.now ?? new Date()).getTime() - DAYS * 86_400_000);
	const rows = await db
		.select({ categoryId: supportCategories.id, name: supportCategories.name, cases: count() })
		.from(tickets)
		.innerJoin(supportCategories, eq(supportCategories.id, tickets.categoryId))
		.where(
			and(
				eq(tickets.organizerId, o.organizerId),
				eq(tickets.cause, 'user_error'),
				isNotNull(tickets.categoryId),
				gte(tickets.createdAt, since),
				o.requesterId ? eq(tickets.requesterId, o.requesterId) : undefined,
				o.unitIds ? inArray(tickets.unitId, o.unitIds) : undefined
			)
		)
		.groupBy(supportCategories.id, supportCategories.name)
		.orderBy(desc(count()));
	return rows.map((r) => ({ ...r, cases: Number(r.cases) })).filter((r) => r.cases >= (o.atLeast ?? 1));
}
