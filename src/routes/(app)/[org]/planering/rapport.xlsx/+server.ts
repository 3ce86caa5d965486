import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { t } from '$lib/i18n';
import { buildPlanReport } from '$lib/server/planning/build-plan-report';
import { planReportXlsx } from '$lib/server/planning/plan-report-xlsx';
import { isPeriod, periodOf } from '$lib/server/planning/period';
import type { RequestHandler } from './$types';

/** The organizer's plan report as a spreadsheet (the same content as /planering/rapport). */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const asked = event.url.searchParams.get('period') ?? '';
	const period = isPeriod(asked) ? asked : periodOf();
	const report = await buildPlanReport(event.locals.db, { actor, organizerId: organizer.id, period, locale: getLocale() }).catch(throwHttp);
	const body = await planReportXlsx(report, {
		actionsSheet: m.planning_report_sheet_actions(),
		indicatorsSheet: m.planning_report_sheet_indicators(),
		actionColumns: [
			m.planning_report_col_goal(),
			m.planning_report_col_action(),
			m.planning_col_plan(),
			m.planning_report_col_responsible(),
			m.planning_report_col_starts(),
			m.planning_report_col_due(),
			m.planning_report_col_status(),
			m.planning_col_overdue()
		],
		indicatorColumns: [
			m.planning_report_col_chain(),
			m.planning_report_col_unit(),
			m.planning_report_col_indicator(),
			m.planning_report_col_baseline(),
			m.planning_report_col_latest(),
			m.planning_report_col_target(),
			m.planning_report_col_moved()
		],
		organizerPlan: m.planning_organizer_plan(),
		noGoal: m.planning_report_no_goal(),
		hidden: m.planning_report_hidden(),
		yes: m.planning_report_yes(),
		status: (s) => t(`planning_status_${s}`),
		movement: (mv) => t(`effects_moved_${mv}`)
	});
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="plan-${organizer.slug}-${period.replace('/', '-')}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
