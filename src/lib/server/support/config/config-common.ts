import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCategories, supportTeams } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, type Actor, type SupportScope } from '../../policies';
import { isUuid } from '../../ids';

/** Shared pieces of the support settings domain (teams, categories, SLA, calendar, settings). */

export type ConfigOptions = { actor: Actor | null; organizerId: string };

/** The resource `support.configure` is checked on: the whole organizer. */
export const configScope = (organizerId: string): SupportScope => ({ type: 'support', organizerId, unitId: null, ancestorIds: [] });

/** First line of every function here: only the organizer's administrator configures support. */
export function authorizeConfigure(actor: Actor | null, organizerId: string): asserts actor is Actor {
	authorize(actor, 'support.configure', configScope(organizerId));
}

export type TeamRow = typeof supportTeams.$inferSelect;
export type CategoryRow = typeof supportCategories.$inferSelect;

/** The organizer's own team, locked for update; NOT_FOUND for another organizer's team or a bad id. */
export async function lockTeam(tx: Db, organizerId: string, teamId: string): Promise<TeamRow> {
	if (!isUuid(teamId)) throw new AppError('NOT_FOUND', 'Okänt team');
	const [row] = await tx
		.select()
		.from(supportTeams)
		.where(and(eq(supportTeams.id, teamId), eq(supportTeams.organizerId, organizerId)))
		.for('update');
	if (!row) throw new AppError('NOT_FOUND', 'Okänt team');
	return row;
}

/** The organizer's own category, locked for update; NOT_FOUND for another organizer's category or a bad id. */
export async function lockCategory(tx: Db, organizerId: string, categoryId: string): Promise<CategoryRow> {
	if (!isUuid(categoryId)) throw new AppError('NOT_FOUND', 'Okänd kategori');
	const [row] = await tx
		.select()
		.from(supportCategories)
		.where(and(eq(supportCategories.id, categoryId), eq(supportCategories.organizerId, organizerId)))
		.for('update');
	if (!row) throw new AppError('NOT_FOUND', 'Okänd kategori');
	return row;
}

/** An ISO timestamp or null, for audit before/after. */
export const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
