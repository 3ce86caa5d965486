// Covers: generateBoardReport, saveBoardAsk, removeBoardAsk, findDraftAsks, findBoardReports, getBoardReport, boardReportXlsx.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildTicket, buildUnit } from '../../../../../tests/factories';
import { auditEvents, boardReportAsks, boardReports } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { generateBoardReport } from './generate-board-report';
import { findDraftAsks, removeBoardAsk, saveBoardAsk } from './board-asks';
import { findBoardReports, getBoardReport } from './find-board-reports';
import { boardReportXlsx } from './board-report-xlsx';
import { termOf } from './period';

const t = useTestDatabase();
const STAFF_ITEM = 'ns.1-1.amnesdidaktisk-anvandning';

async function scene() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id, name: 'Ekskolan' });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const reader = await buildActor(t.db, [{ role: 'reader', organizerId: organizer.id }]);
	const term = termOf(todayInStockholm());
	return { organizer, unit, leader, reader, term };
}

const countReports = async (organizerId: string) =>
	(await t.db.select({ id: boardReports.id }).from(boardReports).where(eq(boardReports.organizerId, organizerId))).length;

describe('generating a board report', () => {
	it('records who generated which period, freezes the figures and audits it', async () => {
		const { organizer, unit, leader, term } = await scene();
		await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id });
		await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id, input: { chain: 'pedagogical' } });
		const { id } = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: term.from, to: term.to } });
		const report = await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: id });
		expect(report.label).toBe(term.label);
		expect(report.snapshot.period).toEqual(term);
		expect(report.snapshot.support).toMatchObject({ cases: 2, byChain: { technical: 1, pedagogical: 1 } });
		expect(report.snapshot.equity?.comparison.withoutSize).toEqual([expect.objectContaining({ name: 'Ekskolan', cases: 2 })]);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'board_report.generate')));
		expect(audit).toMatchObject({ actorId: leader.personId, organizerId: organizer.id });
		expect(audit.changes).toMatchObject({ period: { from: term.from, to: term.to } });

		// A case filed after generating does not change the stored report.
		await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id });
		const again = await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: id });
		expect(again.snapshot.support.cases).toBe(2);
	});

	it('refuses a period that ends before it starts, on the end field, and writes nothing', async () => {
		const { organizer, leader } = await scene();
		await expect(
			generateBoardReport(t.db, { actor: leader, organizer, input: { from: '2026-12-31', to: '2026-08-01' } })
		).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'to', message: 'board_error_ends_before_start' }] });
		await expect(
			generateBoardReport(t.db, { actor: leader, organizer, input: { from: '1990-01-01', to: '2026-08-01' } })
		).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'to', message: 'board_error_too_long' }] });
		expect(await countReports(organizer.id)).toBe(0);
	});

	it('lets a reader read but not generate, and shows another organizer nothing', async () => {
		const { organizer, leader, reader, term } = await scene();
		const { id } = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: term.from, to: term.to } });
		await expect(generateBoardReport(t.db, { actor: reader, organizer, input: { from: term.from, to: term.to } })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(saveBoardAsk(t.db, { actor: reader, organizerId: organizer.id, input: { title: 'x', body: 'y' } })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		expect((await findBoardReports(t.db, { actor: reader, organizerId: organizer.id })).map((r) => r.id)).toEqual([id]);
		expect((await getBoardReport(t.db, { actor: reader, organizerId: organizer.id, reportId: id })).id).toBe(id);

		const other = await buildOrganizer(t.db);
		const stranger = await buildActor(t.db, [{ role: 'leadership', organizerId: other.id }]);
		await expect(getBoardReport(t.db, { actor: stranger, organizerId: organizer.id, reportId: id })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(getBoardReport(t.db, { actor: stranger, organizerId: other.id, reportId: id })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		expect(await findBoardReports(t.db, { actor: stranger, organizerId: other.id })).toEqual([]);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id }]);
		await expect(findBoardReports(t.db, { actor: staff, organizerId: organizer.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});

describe('the asks to the board', () => {
	it('are editable drafts until a report takes them in, then frozen in it', async () => {
		const { organizer, leader, term } = await scene();
		const first = await saveBoardAsk(t.db, {
			actor: leader,
			organizerId: organizer.id,
			input: { title: 'Fler lånedatorer', body: 'Vi ber om medel för 40 lånedatorer.' }
		});
		const second = await saveBoardAsk(t.db, { actor: leader, organizerId: organizer.id, input: { title: 'Tas bort', body: 'Bort.' } });
		await saveBoardAsk(t.db, {
			actor: leader,
			organizerId: organizer.id,
			askId: first.id,
			input: { title: 'Fler lånedatorer', body: 'Vi ber om medel för 60 lånedatorer.' }
		});
		await removeBoardAsk(t.db, { actor: leader, organizerId: organizer.id, askId: second.id });
		await expect(saveBoardAsk(t.db, { actor: leader, organizerId: organizer.id, input: { title: ' ', body: '' } })).rejects.toMatchObject({
			code: 'INVALID',
			issues: [
				{ field: 'title', message: 'board_error_ask_title' },
				{ field: 'body', message: 'board_error_ask_body' }
			]
		});

		const { id } = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: term.from, to: term.to } });
		const report = await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: id });
		expect(report.snapshot.asks).toEqual([{ id: first.id, title: 'Fler lånedatorer', body: 'Vi ber om medel för 60 lånedatorer.' }]);
		expect(await findDraftAsks(t.db, { actor: leader, organizerId: organizer.id })).toEqual([]);
		await expect(
			saveBoardAsk(t.db, { actor: leader, organizerId: organizer.id, askId: first.id, input: { title: 'Ändrad', body: 'Ändrad.' } })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(removeBoardAsk(t.db, { actor: leader, organizerId: organizer.id, askId: first.id })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		const [stored] = await t.db.select().from(boardReportAsks).where(eq(boardReportAsks.id, first.id));
		expect(stored.reportId).toBe(id);
	});
});

describe('suppression in the board report', () => {
	it('stores a hidden sub-goal without its number, and the spreadsheet shows it as hidden', async () => {
		const { organizer, unit, leader, term } = await scene();
		const round = await buildRound(t.db, {
			organizer,
			units: [unit],
			anonymityThreshold: 5,
			opensOn: term.from,
			closesOn: term.from,
			closedAt: new Date()
		});
		for (let i = 0; i < 2; i++) await buildResponse(t.db, { round, unitId: unit.id, perspective: 'staff', answers: { [STAFF_ITEM]: 3 } });
		const { id } = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: term.from, to: term.to } });
		const report = await getBoardReport(t.db, { actor: leader, organizerId: organizer.id, reportId: id });
		expect(report.snapshot.standing.round?.id).toBe(round.id);
		const sg = report.snapshot.standing.subGoals.find((g) => g.id === '1.1')!;
		expect(sg).toMatchObject({ mean: null, hidden: true });
		expect(JSON.stringify(report.snapshot.standing)).not.toContain('"mean":3');

		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await boardReportXlsx(report, 'sv')) as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('Var huvudmannen står per delmål')!;
		const row = sheet.getRows(1, sheet.rowCount)!.find((r) => String(r.getCell(1).value).startsWith('1.1 '))!;
		expect(row.getCell(2).value).toBe('dold');
		expect(book.worksheets.map((w) => w.name)).toEqual([
			'Översikt',
			'Var huvudmannen står per delmål',
			'Aktiviteter',
			'Forumbeslut',
			'Utrustning',
			'Licenser',
			'Indikatorer',
			'Support',
			'Likvärdighet',
			'Enkäter',
			'Jämförelsevärden',
			'Begäranden till nämnden'
		]);
	});
});
