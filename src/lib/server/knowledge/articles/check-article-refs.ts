import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCategories } from '../../db/schema';
import type { FieldIssue } from '../../errors';
import { throwIfIssues } from '../../errors';
import { isUuid } from '../../ids';
import { activeMembers } from '../../planning/check-action-refs';
import type { ParsedArticleInput } from './article-input';

/**
 * Checks what an article points at: a support category of the organizer (of the article's chain, when it has
 * one) and an owner who is an active member. Every problem beside its field at once (INVALID).
 * Returns the category's name, which is indexed with the article.
 */
export async function checkArticleRefs(
	db: Db,
	opts: { organizerId: string; input: ParsedArticleInput }
): Promise<{ categoryId: string | null; categoryName: string | null; ownerId: string | null }> {
	const { organizerId, input } = opts;
	const issues: FieldIssue[] = [];
	let category: { id: string; name: string; chain: string } | undefined;
	if (input.categoryId) {
		if (isUuid(input.categoryId))
			[category] = await db
				.select({ id: supportCategories.id, name: supportCategories.name, chain: supportCategories.chain })
				.from(supportCategories)
				.where(and(eq(supportCategories.id, input.categoryId), eq(supportCategories.organizerId, organizerId)));
		if (!category) issues.push({ field: 'categoryId', message: 'kb_error_category' });
		else if (input.chain && category.chain !== input.chain) issues.push({ field: 'categoryId', message: 'kb_error_category_chain' });
	}
	if (input.ownerId && !(await activeMembers(db, organizerId, [input.ownerId])).has(input.ownerId))
		issues.push({ field: 'ownerId', message: 'kb_error_owner' });
	throwIfIssues(issues, 'article');
	return { categoryId: category?.id ?? null, categoryName: category?.name ?? null, ownerId: input.ownerId || null };
}
