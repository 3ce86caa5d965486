import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCategories } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { swedishSortKey } from '../../../sort-key';
import { authorizeConfigure, iso, lockCategory } from './config-common';
import { updateCategorySchema, type UpdateCategoryInput } from './category-input';

import type { CategoryOptions } from './get-category';
import { parseOrThrow } from '../../errors';

/** Renames a category and sets whether its cases name a device. No change writes nothing. */
export async function updateCategory(db: Db, { actor, organizerId, categoryId, input }: CategoryOptions & { input: UpdateCategoryInput }) {
	authorizeConfigure(actor, organizerId);
	const data = parseOrThrow(updateCategorySchema, input);
	return db.transaction(async (tx) => {
		const before = await lockCategory(tx, organizerId, categoryId);
		const changes = diffFields(before, { ...before, ...data }, ['name', 'deviceRelated']);
		if (Object.keys(changes).length === 0) return before;
		const [row] = await tx
			.update(supportCategories)
			.set({ name: data.name, nameSort: swedishSortKey(data.name), deviceRelated: data.deviceRelated })
			.where(eq(supportCategories.id, before.id))
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.category_update',
			entityType: 'support_category',
			entityId: row.id,
			changes
		});
		return row;
	});
}

/**
 * Archives a category (no longer offered when filing; old cases keep it) or brings it back.
 * Doing what is already done changes nothing.
 */
export async function setCategoryArchived(db: Db, { actor, organizerId, categoryId, archive }: CategoryOptions & { archive: boolean }) {
	authorizeConfigure(actor, organizerId);
	return db.transaction(async (tx) => {
		const before = await lockCategory(tx, organizerId, categoryId);
		if (!!before.archivedAt === archive) return before;
		const [row] = await tx
			.update(supportCategories)
			.set({ archivedAt: archive ? new Date() : null })
			.where(eq(supportCategories.id, before.id))
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: archive ? 'support.category_archive' : 'support.category_restore',
			entityType: 'support_category',
			entityId: row.id,
			changes: { archivedAt: [iso(before.archivedAt), iso(row.archivedAt)] }
		});
		return row;
	});
}
