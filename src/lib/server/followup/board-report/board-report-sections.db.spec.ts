// Covers: gatherBoardFigures (equity per 100 from getOperationalFigures, standing from the one-picture view's loader,
// survey results, comparison values, the unit filter), upgradeSnapshot and boardReportXlsx's new sheets.
import { describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildResponse, buildRound, buildTicket, buildUnit } from '../../../../../tests/factories';
import { comparisonKeyFigures, comparisonMappings, comparisonValues, outbox } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { saveUnitSizes } from '../operations/save-unit-sizes';
import { getOperationalFigures } from '../operations/get-operational-figures';
import { loadFollowupPicture } from '../picture/load-followup-picture';
import { createSurvey } from '../surveys/create-survey';
import { sendSurvey } from '../surveys/send-survey';
import { submitSurveyAnswers } from '../surveys/submit-survey-answers';
import { closeSurvey } from '../surveys/close-survey';
import { generateBoardReport } from './generate-board-report';
import { getBoardReport } from './find-board-reports';
import { boardReportXlsx } from './board-report-xlsx';
import { upgradeSnapshot } from './upgrade-snapshot';
import { dayAfter, termOf } from './period';
import { schoolYearOf } from '../../support/followup/school-years';

const t = useTestDatabase();
const STAFF_ITEM = 'ns.1-1.amnesdidaktisk-anvandning';

async function scene() {
	const organizer = await buildOrganizer(t.db, { settings: { anonymityThreshold: 3 }, municipalityCode: '0999' });
	const north = await buildUnit(t.db, { organizerId: organizer.id, name: 'Norrskolan', kind: 'skolenhet' });
	const south = await buildUnit(t.db, { organizerId: organizer.id, name: 'Söderskolan', kind: 'skolenhet' });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const term = termOf(todayInStockholm());
	const year = schoolYearOf(term.from).key;
	await saveUnitSizes(t.db, {
		actor: leader,
		organizerId: organizer.id,
		schoolYear: year,
		rows: [
			{ unitId: north.id, students: '200', staff: '20' },
			{ unitId: south.id, students: '100', staff: '10' }
		],
		source: 'manual'
	});
	for (let i = 0; i < 4; i++) await buildTicket(t.db, { organizerId: organizer.id, unitId: north.id });
	await buildTicket(t.db, { organizerId: organizer.id, unitId: south.id });
	return { organizer, north, south, leader, term, year };
}

const sheetRows = async (buffer: Buffer, name: string) => {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(buffer as unknown as ArrayBuffer);
	const ws = book.getWorksheet(name);
	if (!ws) throw new Error(`no sheet ${name}: ${book.worksheets.map((w) => w.name).join(', ')}`);
	return ws.getRows(1, ws.rowCount)!.map((r) => (r.values as unknown[]).slice(1).map((v) => (v === undefined ? '' : v)));
};

describe('the board report’s equity, standing and sections', () => {
	it('takes equity per 100 students and staff, and its spread, from the operational follow-up', async () => {
		const { organizer, leader, term } = await scene();
		const { id } = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: term.from, to: term.to } });
		const { snapshot } = await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: id });
		const ops = await getOperationalFigures(t.db, {
			actor: leader,
			organizerId: organizer.id,
			unitId: null,
			from: term.from,
			to: dayAfter(term.to)
		});
		expect(snapshot.version).toBe(2);
		expect(snapshot.equity!.comparison).toEqual(ops.comparison);
		expect(snapshot.equity!.comparison.rows.map((r) => [r.name, r.casesPer100Students])).toEqual([
			['Norrskolan', 2],
			['Söderskolan', 1]
		]);
		expect(snapshot.equity!.comparison.spread.casesPer100Students).toMatchObject({ n: 2, min: 1, max: 2, ratio: 2 });
		expect(snapshot.support.cases).toBe(5);

		const rows = await sheetRows(
			await boardReportXlsx(await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: id }), 'sv'),
			'Likvärdighet'
		);
		expect(rows.find((r) => r[0] === 'Norrskolan')).toEqual(['Norrskolan', 200, 20, 4, 0, 2, 0, 20]);
		expect(rows.some((r) => String(r[1]).startsWith('Över 2 enheter: lägst 1, median 1,5, högst 2.'))).toBe(true);
	});

	it('reads the standing through the one-picture view’s loader: the same cells, the unit’s value beside them', async () => {
		const { organizer, north, leader, term } = await scene();
		const round = await buildRound(t.db, {
			organizer,
			units: [north],
			anonymityThreshold: 3,
			opensOn: term.from,
			closesOn: term.from,
			closedAt: new Date()
		});
		for (const level of [2, 3, 4, 3])
			await buildResponse(t.db, { round, unitId: north.id, perspective: 'staff', answers: { [STAFF_ITEM]: level } });
		const { id } = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: term.from, to: term.to, unitId: north.id } });
		const { snapshot } = await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: id });
		const picture = await loadFollowupPicture(t.db, {
			actor: leader,
			organizerId: organizer.id,
			unitId: north.id,
			from: term.from,
			to: dayAfter(term.to)
		});
		expect(snapshot.standing.round?.id).toBe(round.id);
		for (const sg of picture.subGoals) {
			const board = snapshot.standing.subGoals.find((g) => g.id === sg.id)!;
			const cells = sg.assessment!.organizer;
			expect(board.mean).toBe(cells[cells.length - 1].mean);
			expect(board.unitValue).toBe(sg.assessment!.unit[cells.length - 1]?.value ?? null);
		}
		expect(snapshot.standing.subGoals.find((g) => g.id === '1.1')!.mean).toBe(3);
	});

	it('narrows support, equity, surveys and comparison values to the chosen unit', async () => {
		const { organizer, north, south, leader, term } = await scene();
		const [kf] = await t.db
			.insert(comparisonKeyFigures)
			.values({ organizerId: organizer.id, source: 'Kolada', code: 'N90001', title: 'Ärenden per 100 elever', measure: 'per_100_students' })
			.returning();
		const period = { period: term.from.slice(0, 4), periodKind: 'year', periodStartsOn: `${term.from.slice(0, 4)}-01-01` };
		await t.db.insert(comparisonValues).values([
			{ organizerId: organizer.id, keyFigureId: kf.id, areaKind: 'municipality', areaCode: '0999', ...period, value: 1.7 },
			{
				organizerId: organizer.id,
				keyFigureId: kf.id,
				areaKind: 'school_unit',
				areaCode: '11112222',
				unitId: north.id,
				...period,
				value: 2.5
			},
			{
				organizerId: organizer.id,
				keyFigureId: kf.id,
				areaKind: 'school_unit',
				areaCode: '33334444',
				unitId: south.id,
				...period,
				value: 0.9
			}
		]);
		await t.db
			.insert(comparisonMappings)
			.values({ organizerId: organizer.id, figureKey: 'support.cases_per_100_students', keyFigureId: kf.id });

		const whole = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: term.from, to: term.to } });
		const all = (await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: whole.id })).snapshot;
		expect(all.comparisons).toEqual([
			expect.objectContaining({
				figureKey: 'support.cases_per_100_students',
				own: 1.7,
				values: [expect.objectContaining({ areaKind: 'municipality', value: 1.7 })]
			})
		]);

		const narrowed = await generateBoardReport(t.db, {
			actor: leader,
			organizer,
			input: { from: term.from, to: term.to, unitId: north.id }
		});
		const report = await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: narrowed.id });
		const s = report.snapshot;
		expect(s.unit).toEqual({ id: north.id, name: 'Norrskolan' });
		expect(s.support.cases).toBe(4);
		expect(s.equity!.comparison.rows.map((r) => r.name)).toEqual(['Norrskolan']);
		expect(s.equity!.organizerAverage).toMatchObject({ cases: 5, casesPer100Students: 1.7 });
		expect(s.comparisons).toEqual([
			expect.objectContaining({ own: 2, values: [expect.objectContaining({ unitId: north.id, value: 2.5 })] })
		]);
		const overview = await sheetRows(await boardReportXlsx(report, 'sv'), 'Översikt');
		expect(overview.find((r) => r[0] === 'Urval')?.[1]).toBe('urval Norrskolan');
		const cmp = await sheetRows(await boardReportXlsx(report, 'sv'), 'Jämförelsevärden');
		expect(cmp.slice(2)).toEqual([
			['Supportärenden per 100 elever', 2, 2.5, 'Kolada', 'N90001 Ärenden per 100 elever', 'Norrskolan (11112222)', period.period]
		]);
	});

	it('keeps a small unit’s survey cell hidden in the report and its spreadsheet', async () => {
		const { organizer, north, south, leader, term } = await scene();
		const people: string[] = [];
		for (const [unit, n] of [
			[north, 4],
			[south, 2]
		] as const)
			for (let i = 0; i < n; i++)
				people.push((await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }] })).email);
		const survey = await createSurvey(t.db, {
			actor: leader,
			organizerId: organizer.id,
			input: { template: 'support_quality', unitIds: [north.id, south.id], anonymous: 'anonymous' }
		});
		await sendSurvey(t.db, { actor: leader, organizerId: organizer.id, surveyId: survey.id });
		for (const email of people) {
			const [mail] = await t.db
				.select({ body: outbox.body })
				.from(outbox)
				.where(eq(outbox.toAddress, email))
				.orderBy(desc(outbox.id))
				.limit(1);
			const token = /\/enkat\/([A-Za-z0-9_-]+)/.exec(mail.body)![1];
			await submitSurveyAnswers(t.db, {
				token,
				values: { q_reach: '5', q_speed: '5', q_teaching: '5', q_selfhelp: '5', q_channel: 'case' }
			});
		}
		await closeSurvey(t.db, { actor: leader, organizerId: organizer.id, surveyId: survey.id });

		const { id } = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: term.from, to: term.to, unitId: south.id } });
		const report = await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: id });
		expect(report.snapshot.surveys!.rounds).toEqual([expect.objectContaining({ surveyId: survey.id, respondents: null, mean: null })]);
		expect(JSON.stringify(report.snapshot.surveys)).not.toMatch(/"respondents":2|"mean":5/);
		const rows = await sheetRows(await boardReportXlsx(report, 'sv'), 'Enkäter');
		expect(rows.slice(2)).toEqual([[expect.any(String), 'dold', 'dold']]);
	});

	it('opens a report stored before equity per 100 (version 1) without recomputing it', () => {
		const v1 = {
			version: 1 as const,
			support: { cases: 3, lostLessons: 1.5, userErrorShare: null },
			equity: { units: [{ id: 'u', name: 'Ekskolan', cases: 3, lessons: 1.5 }], spreads: [] }
		};
		const s = upgradeSnapshot(v1 as unknown as Parameters<typeof upgradeSnapshot>[0]);
		expect(s.version).toBe(2);
		expect(s.equity!.comparison.rows).toEqual([expect.objectContaining({ name: 'Ekskolan', cases: 3, casesPer100Students: null })]);
		expect(s.surveys).toBeNull();
		expect(s.comparisons).toEqual([]);
	});
});
