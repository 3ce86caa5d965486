import { count, eq, and } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCategories } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, parseOrThrow } from '../../errors';
import { swedishSortKey } from '../../../sort-key';
import { CHAINS } from '../constants';
import { authorizeConfigure, type ConfigOptions } from './config-common';
import { createCategorySchema, SUGGESTED_CATEGORIES, type CreateCategoryInput } from './category-input';

/** Adds a category to one of the organizer's chains. Returns the new category. */
export async function createCategory(db: Db, { actor, organizerId, input }: ConfigOptions & { input: CreateCategoryInput }) {
	authorizeConfigure(actor, organizerId);
	const data = parseOrThrow(createCategorySchema, input);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(supportCategories)
			.values({ organizerId, chain: data.chain, name: data.name, nameSort: swedishSortKey(data.name), deviceRelated: data.deviceRelated })
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.category_create',
			entityType: 'support_category',
			entityId: row.id,
			changes: { chain: [null, row.chain], name: [null, row.name], deviceRelated: [null, row.deviceRelated] }
		});
		return row;
	});
}

/**
 * Adds the starter set of categories to a chain that has none (archived ones count: a chain the
 * administrator has already shaped is left alone, CONFLICT). Returns the new categories.
 */
export async function addSuggestedCategories(db: Db, { actor, organizerId, chain }: ConfigOptions & { chain: string }) {
	authorizeConfigure(actor, organizerId);
	const c = CHAINS.find((x) => x === chain);
	if (!c) throw new AppError('INVALID', 'Okänd kedja', [{ field: 'chain', message: 'support_error_choose_chain' }]);
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ n: count() })
			.from(supportCategories)
			.where(and(eq(supportCategories.organizerId, organizerId), eq(supportCategories.chain, c)));
		if (existing.n > 0)
			throw new AppError('CONFLICT', 'Kedjan har kategorier', [{ field: 'chain', message: 'supportadmin_error_chain_has_categories' }]);
		const rows = await tx
			.insert(supportCategories)
			.values(
				SUGGESTED_CATEGORIES[c].map((s) => ({
					organizerId,
					chain: c,
					name: s.name,
					nameSort: swedishSortKey(s.name),
					deviceRelated: s.deviceRelated
				}))
			)
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.category_suggest',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { chain: c, categories: [null, rows.map((r) => r.name)] }
		});
		return rows;
	});
}
