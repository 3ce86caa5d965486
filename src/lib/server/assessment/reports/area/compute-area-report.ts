import type { Db } from '../../../db';
import { AppError } from '../../../errors';
import { authorize, can, type Actor } from '../../../policies';
import { getRound } from '../../rounds/get-round';
import { loadUnitAccess } from '../../rounds/unit-access';
import { buildOrganizerReport, subGoalEquity, type OrganizerReport } from '../compute-organizer-report';

export type AreaReport = OrganizerReport & { area: { id: string; name: string } };

/**
 * The areas (rektorsområden) whose roll-up the actor may read in a round: units where they hold a principal
 * role (the area report rule) with at least one of the round's units at or under them. Organizer-wide
 * readers have the whole report instead, so they get none here.
 */
export async function findReportAreas(db: Db, opts: { actor: Actor; organizerId: string; roundUnitIds: string[] }) {
	if (can(opts.actor, 'assessment.organizer_report', { type: 'organizer', organizerId: opts.organizerId })) return [];
	const access = await loadUnitAccess(db, opts.organizerId);
	const candidates = new Set(
		opts.actor.assignments.filter((a) => a.organizerId === opts.organizerId && a.unitId !== null).map((a) => a.unitId!)
	);
	return [...candidates]
		.filter((id) => access.byId.has(id) && can(opts.actor, 'assessment.area_report', access.resource(id)))
		.filter((id) => opts.roundUnitIds.some((u) => u === id || access.resource(u).ancestorIds.includes(id)))
		.map((id) => ({ id, name: access.byId.get(id)!.name }));
}

/**
 * A principal's roll-up of their area (issue 14 item 6): the organizer report of the round restricted to the
 * round's units at or under the area. It is cut from the organizer-wide report, so every cell has exactly the
 * suppression the organizer's readers see (no second table to subtract from); the organizer totals stay as
 * the comparison. The equity between units is computed over the area's units.
 */
export async function computeAreaReport(
	db: Db,
	opts: { actor: Actor; organizerId: string; roundId: string; areaId: string }
): Promise<AreaReport> {
	const access = await loadUnitAccess(db, opts.organizerId);
	const area = access.byId.get(opts.areaId);
	if (!area) throw new AppError('NOT_FOUND', 'unit');
	authorize(opts.actor, 'assessment.area_report', access.resource(opts.areaId));
	const round = await getRound(db, { organizerId: opts.organizerId, roundId: opts.roundId });
	const inArea = new Set(round.unitIds.filter((u) => u === area.id || access.resource(u).ancestorIds.includes(area.id)));
	const full = await buildOrganizerReport(db, { organizerId: opts.organizerId, roundId: round.id });
	return { ...restrictReport(full, inArea), area: { id: area.id, name: area.name } };
}

/** The report with only the given units (their rows, agreed levels and values); organizer totals are kept. */
export function restrictReport(report: OrganizerReport, unitIds: Set<string>): OrganizerReport {
	const keep = <T>(byUnit: Record<string, T>) =>
		Object.fromEntries(Object.entries(byUnit).filter(([id]) => unitIds.has(id) || !report.units.some((u) => u.id === id)));
	const units = report.units.filter((u) => unitIds.has(u.id));
	const perSubGoal = <T>(bySg: Record<string, Record<string, T>>) =>
		Object.fromEntries(Object.entries(bySg).map(([sg, byUnit]) => [sg, keep(byUnit)]));
	const unitValues = perSubGoal(report.unitValues);
	const consensusMeans = perSubGoal(report.consensusMeans);
	const equityBySubGoal: OrganizerReport['equity'] = {};
	for (const sg of report.subGoals) equityBySubGoal[sg.id] = subGoalEquity(units, unitValues[sg.id], consensusMeans[sg.id]);
	return {
		...report,
		units,
		respondents: keep(report.respondents),
		figures: perSubGoal(report.figures),
		consensus: keep(report.consensus),
		consensusMeans,
		unitValues,
		equity: equityBySubGoal
	};
}
