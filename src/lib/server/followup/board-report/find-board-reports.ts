import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { boardReports } from '../../db/schema';
import { shownNamesById } from '../../support/privacy/shown-names';
import { authorize, type Actor } from '../../policies';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { upgradeSnapshot } from './upgrade-snapshot';
import { boardResource } from './resource';

/** The organizer's generated board reports, newest first (followup.report_read): period, filters, who and when. */
export async function findBoardReports(db: Db, opts: { actor: Actor; organizerId: string }) {
	authorize(opts.actor, 'followup.report_read', boardResource(opts.organizerId));
	const rows = await db
		.select({
			id: boardReports.id,
			label: boardReports.label,
			periodFrom: boardReports.periodFrom,
			periodTo: boardReports.periodTo,
			unitId: boardReports.unitId,
			generatedAt: boardReports.generatedAt,
			generatedById: boardReports.generatedBy
		})
		.from(boardReports)
		.where(eq(boardReports.organizerId, opts.organizerId))
		.orderBy(desc(boardReports.generatedAt))
		.limit(200);
	const names = await shownNamesById(db, { ...opts, personIds: rows.map((r) => r.generatedById), via: 'board_report' });
	return rows.map(({ generatedById, ...r }) => ({ ...r, generatedBy: generatedById ? (names.get(generatedById) ?? '') : '' }));
}

/** One generated board report with its frozen figures (followup.report_read); another organizer's is NOT_FOUND. */
export async function getBoardReport(db: Db, opts: { actor: Actor; organizerId: string; reportId: string }) {
	authorize(opts.actor, 'followup.report_read', boardResource(opts.organizerId));
	const [row] = isUuid(opts.reportId)
		? await db
				.select({
					id: boardReports.id,
					label: boardReports.label,
					periodFrom: boardReports.periodFrom,
					periodTo: boardReports.periodTo,
					locale: boardReports.locale,
					snapshot: boardReports.snapshot,
					generatedAt: boardReports.generatedAt,
					generatedById: boardReports.generatedBy
				})
				.from(boardReports)
				.where(and(eq(boardReports.id, opts.reportId), eq(boardReports.organizerId, opts.organizerId)))
		: [];
	if (!row) throw new AppError('NOT_FOUND', 'board report');
	const names = await shownNamesById(db, { ...opts, personIds: [row.generatedById], via: 'board_report' });
	const { generatedById, ...rest } = row;
	return {
		...rest,
		generatedBy: generatedById ? (names.get(generatedById) ?? '') : '',
		snapshot: upgradeSnapshot(row.snapshot as Parameters<typeof upgradeSnapshot>[0])
	};
}

export type BoardReportView = Awaited<ReturnType<typeof getBoardReport>>;
