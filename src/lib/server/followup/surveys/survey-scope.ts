import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveys, units } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { ancestorIdsOf } from '../../org/unit-tree';
import { can, type Actor, type FollowupResource } from '../../policies';

export type SurveyRow = typeof surveys.$inferSelect;

/** The organizer's units (with their parents), for follow-up resources and unit names. */
export async function loadSurveyScope(db: Db, organizerId: string) {
	const rows = await db
		.select({ id: units.id, parentId: units.parentId, name: units.name, nameSort: units.nameSort, archivedAt: units.archivedAt })
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const byId = new Map(rows.map((u) => [u.id, u]));
	const resource = (unitId: string | null): FollowupResource => ({
		type: 'followup',
		organizerId,
		unitId,
		ancestorIds: unitId ? ancestorIdsOf(unitId, byId) : []
	});
	return {
		units: rows,
		byId,
		resource,
		/** Whether the actor may read a unit's survey results (surveys.results at the unit or above). */
		mayRead: (actor: Actor, unitId: string) => can(actor, 'surveys.results', resource(unitId))
	};
}
export type SurveyScope = Awaited<ReturnType<typeof loadSurveyScope>>;

/** One survey of the organizer; NOT_FOUND for a tampered id or another organizer's survey. */
export async function getSurvey(db: Db, organizerId: string, surveyId: string): Promise<SurveyRow> {
	if (!isUuid(surveyId)) throw new AppError('NOT_FOUND', 'survey');
	const [row] = await db
		.select()
		.from(surveys)
		.where(and(eq(surveys.id, surveyId), eq(surveys.organizerId, organizerId)));
	if (!row) throw new AppError('NOT_FOUND', 'survey');
	return row;
}

/** Locks a survey row for the rest of the transaction. */
export async function lockSurvey(tx: Db, organizerId: string, surveyId: string): Promise<SurveyRow> {
	if (!isUuid(surveyId)) throw new AppError('NOT_FOUND', 'survey');
	const [row] = await tx
		.select()
		.from(surveys)
		.where(and(eq(surveys.id, surveyId), eq(surveys.organizerId, organizerId)))
		.for('update');
	if (!row) throw new AppError('NOT_FOUND', 'survey');
	return row;
}
