// Covers: createAction, saveGoal, buildPlanReport, planReportXlsx.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { createAction } from './create-action';
import { saveGoal } from './vision/save-goal';
import { buildPlanReport } from './build-plan-report';
import { planReportXlsx, type PlanReportLabels } from './plan-report-xlsx';

const t = useTestDatabase();
const PERIOD = '2025/26';

const labels: PlanReportLabels = {
	actionsSheet: 'Aktiviteter',
	indicatorsSheet: 'Indikatorer',
	actionColumns: ['Mål', 'Aktivitet', 'Plan', 'Ansvarig', 'Start', 'Klar', 'Status', 'Försenad'],
	indicatorColumns: ['Kedja', 'Enhet', 'Indikator', 'Utgångsläge', 'Senaste', 'Mål', 'Rörde sig'],
	organizerPlan: 'Huvudmannens plan',
	noGoal: 'Utan mål',
	hidden: 'dolt',
	yes: 'ja',
	status: (s) => s,
	movement: (m) => m
};

describe('the plan report', () => {
	it('lists actions under the goal they serve, only from plans the reader reads, with protected names hidden, and exports them', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id, name: 'Ekskolan' });
		const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
		const politician = await buildActor(t.db, [{ role: 'reader', organizerId: organizer.id }]);
		const hidden = await buildPerson(t.db, {
			name: 'Sara Skyddad',
			protectedIdentity: true,
			roles: [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]
		});
		const goal = await saveGoal(t.db, {
			actor: leader,
			organizerId: organizer.id,
			input: { title: 'Likvärdig kompetens', subGoals: ['nationella-strategin:1.1'] }
		});
		const base = { actor: leader, organizerId: organizer.id, period: PERIOD };
		await createAction(t.db, {
			...base,
			input: { scope: 'organizer', title: '=Fortbildning', responsibleId: leader.personId, goalId: goal.id, dueOn: '2025-09-01' }
		});
		await createAction(t.db, { ...base, input: { scope: unit.id, title: 'Lånepool', responsibleId: hidden.id } });

		const report = await buildPlanReport(t.db, { ...base, locale: 'sv' });
		expect(report.goals.map((g) => [g.title, g.actions.map((a) => a.title)])).toEqual([['Likvärdig kompetens', ['=Fortbildning']]]);
		expect(report.goals[0].actions[0].overdue).toBe(true);
		expect(report.withoutGoal.map((a) => [a.title, a.plan])).toEqual([['Lånepool', 'Ekskolan']]);
		expect(report.withoutGoal[0].responsible).not.toContain('Sara');

		const forReader = await buildPlanReport(t.db, { actor: politician, organizerId: organizer.id, period: PERIOD, locale: 'sv' });
		expect(forReader.withoutGoal).toEqual([]);
		expect(forReader.goals[0].actions.map((a) => a.title)).toEqual(['=Fortbildning']);

		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await planReportXlsx(report, labels)) as never);
		const rows = book.getWorksheet('Aktiviteter')!.getSheetValues().slice(2) as unknown[][];
		expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
			['Likvärdig kompetens', "'=Fortbildning", 'Huvudmannens plan'],
			['Utan mål', 'Lånepool', 'Ekskolan']
		]);
	});
});
