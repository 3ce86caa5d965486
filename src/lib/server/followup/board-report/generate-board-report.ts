import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { boardReportAsks, boardReports, units } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { recordAudit } from '../../audit/record-audit';
import { checkPeriod } from './period';
import { gatherBoardFigures } from './gather-board-figures';
import { boardResource } from './resource';

export type GenerateBoardReportInput = { from: string; to: string; unitId?: string | null; locale?: string };

/**
 * Generates a board report (followup.report): checks the period (a clear issue on the field, nothing written),
 * gathers every figure from the modules that own them, and in one transaction stores the snapshot, takes the
 * organizer's draft asks into it (frozen from then on) and records who generated what, for which period and filters.
 */
export async function generateBoardReport(
	db: Db,
	opts: { actor: Actor; organizer: { id: string; name: string }; input: GenerateBoardReportInput; now?: Date }
): Promise<{ id: string }> {
	const { actor, organizer, input } = opts;
	authorize(actor, 'followup.report', boardResource(organizer.id));
	const checked = checkPeriod(input.from.trim(), input.to.trim());
	if ('issues' in checked)
		throw new AppError(
			'INVALID',
			'period',
			checked.issues.map((i) => ({ field: i.field, message: `board_error_${i.code}` }))
		);
	let unit: { id: string; name: string } | null = null;
	if (input.unitId) {
		const [row] = isUuid(input.unitId)
			? await db
					.select({ id: units.id, name: units.name })
					.from(units)
					.where(and(eq(units.id, input.unitId), eq(units.organizerId, organizer.id)))
			: [];
		if (!row) throw new AppError('INVALID', 'unit', [{ field: 'unitId', message: 'board_error_unit' }]);
		unit = row;
	}
	return db.transaction(async (tx) => {
		const drafts = await tx
			.select({ id: boardReportAsks.id, title: boardReportAsks.title, body: boardReportAsks.body })
			.from(boardReportAsks)
			.where(and(eq(boardReportAsks.organizerId, organizer.id), isNull(boardReportAsks.reportId)))
			.orderBy(asc(boardReportAsks.position), asc(boardReportAsks.createdAt))
			.for('update');
		const snapshot = await gatherBoardFigures(tx, { actor, organizer, period: checked.period, unit, asks: drafts, now: opts.now });
		const [row] = await tx
			.insert(boardReports)
			.values({
				organizerId: organizer.id,
				label: checked.period.label,
				periodFrom: checked.period.from,
				periodTo: checked.period.to,
				unitId: unit?.id ?? null,
				locale: input.locale === 'en' ? 'en' : 'sv',
				snapshot,
				generatedBy: actor.personId,
				...(opts.now ? { generatedAt: opts.now } : {})
			})
			.returning({ id: boardReports.id });
		if (drafts.length)
			await tx
				.update(boardReportAsks)
				.set({ reportId: row.id, updatedAt: new Date() })
				.where(and(eq(boardReportAsks.organizerId, organizer.id), isNull(boardReportAsks.reportId)));
		await recordAudit(tx, {
			organizerId: organizer.id,
			actorId: actor.personId,
			action: 'board_report.generate',
			entityType: 'board_report',
			entityId: row.id,
			changes: { period: checked.period, unitId: unit?.id ?? null, asks: drafts.length }
		});
		return { id: row.id };
	});
}
