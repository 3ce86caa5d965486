import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { supportCategories, tickets } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { visibleTicketsWhere } from '../../policies/support-visibility';
import type { PreventiveTarget } from './record-preventive-response';

/** What a response is about, as the form shows it: a flagged case, or a category's user errors in a month. */
export type PreventiveTargetView =
	| { type: 'case'; id: string; number: number; title: string }
	| { type: 'cluster'; categoryId: string; categoryName: string | null; month: string; cases: number };

/** The target named by the workbench's link, if the actor may see it; anything else is not found. */
export async function loadPreventiveTarget(
	db: Db,
	opts: { actor: Actor; organizerId: string; target: PreventiveTarget }
): Promise<PreventiveTargetView> {
	authorize(opts.actor, 'kb.write', { type: 'knowledge', organizerId: opts.organizerId });
	const visible = visibleTicketsWhere(opts.actor, opts.organizerId);
	if ('ticketNumber' in opts.target) {
		const number = Number(opts.target.ticketNumber);
		const [ticket] = Number.isInteger(number)
			? await db
					.select({ id: tickets.id, number: tickets.number, title: tickets.title })
					.from(tickets)
					.where(and(eq(tickets.organizerId, opts.organizerId), eq(tickets.number, number), eq(tickets.selfHelpSuggested, true), visible))
			: [];
		if (!ticket) throw new AppError('NOT_FOUND', 'case');
		return { type: 'case', ...ticket };
	}
	const { categoryId, month } = opts.target;
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new AppError('NOT_FOUND', 'month');
	let categoryName: string | null = null;
	if (categoryId !== 'none') {
		const [category] = isUuid(categoryId)
			? await db
					.select({ name: supportCategories.name })
					.from(supportCategories)
					.where(and(eq(supportCategories.id, categoryId), eq(supportCategories.organizerId, opts.organizerId)))
			: [];
		if (!category) throw new AppError('NOT_FOUND', 'category');
		categoryName = category.name;
	}
	const [count] = rowsOf<{ n: number }>(
		await db.execute(sql`
			SELECT count(*)::int AS n FROM tickets
			WHERE tickets.organizer_id = ${opts.organizerId} AND tickets.cause = 'user_error' AND tickets.merged_into_id IS NULL
				AND tickets.category_id IS NOT DISTINCT FROM ${categoryId === 'none' ? null : categoryId}::uuid
				AND to_char(coalesce(tickets.solved_at, tickets.created_at) AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') = ${month}
				AND ${visible}`)
	);
	return { type: 'cluster', categoryId, categoryName, month, cases: Number(count?.n ?? 0) };
}
