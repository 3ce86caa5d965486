// Covers: LABEL_SHEETS, labelsPerPage, labelSlots, labelPages.
import { describe, expect, it } from 'vitest';
import { LABEL_SHEETS, labelPages, labelSheet, labelSlots, labelsPerPage } from './label-sheets';

const a4 = labelSheet('a4-3x8')!;
const avery = labelSheet('a4-2x7')!;
const roll = labelSheet('roll-62x29')!;

describe('label sheets', () => {
	it('fit every sheet inside its page', () => {
		for (const s of LABEL_SHEETS) {
			expect(s.left + (s.columns - 1) * s.pitchX + s.width).toBeLessThanOrEqual(s.pageWidth + 1e-9);
			expect(s.top + (s.rows - 1) * s.pitchY + s.height).toBeLessThanOrEqual(s.pageHeight + 1e-9);
			expect(s.pitchX).toBeGreaterThanOrEqual(s.width);
			expect(s.pitchY).toBeGreaterThanOrEqual(s.height);
		}
	});

	it('hold 24, 14 and 1 labels a page', () => {
		expect([a4, avery, roll].map(labelsPerPage)).toEqual([24, 14, 1]);
	});

	it('fill row by row from the top left and start a new page after the last slot', () => {
		const slots = labelSlots(a4, 26);
		expect(slots[0]).toEqual({ page: 0, x: 0, y: 0.5 });
		expect(slots[1]).toEqual({ page: 0, x: 70, y: 0.5 });
		expect(slots[3]).toEqual({ page: 0, x: 0, y: 37.5 });
		expect(slots[23]).toEqual({ page: 0, x: 140, y: 0.5 + 7 * 37 });
		expect(slots[24]).toEqual({ page: 1, x: 0, y: 0.5 });
		expect(labelPages(a4, 26)).toBe(2);
		expect(labelPages(a4, 24)).toBe(1);
		expect(labelPages(a4, 0)).toBe(0);
	});

	it('leave the gap between the columns of a 2 × 7 sheet', () => {
		const [first, second, third] = labelSlots(avery, 3);
		expect(second.x - first.x).toBeCloseTo(101.6);
		expect(third).toEqual({ page: 0, x: 4.65, y: 15.15 + 38.1 });
	});

	it('skip the labels already used on a half-used sheet', () => {
		const slots = labelSlots(a4, 3, 22);
		expect(slots.map((s) => [s.page, s.x, s.y])).toEqual([
			[0, 70, 0.5 + 7 * 37],
			[0, 140, 0.5 + 7 * 37],
			[1, 0, 0.5]
		]);
		expect(labelSlots(a4, 1, 24)[0]).toEqual({ page: 0, x: 0, y: 0.5 });
		expect(labelPages(a4, 3, 22)).toBe(2);
	});

	it('put one label on each page of a roll, whatever the skip', () => {
		expect(labelSlots(roll, 3, 5)).toEqual([
			{ page: 0, x: 0, y: 0 },
			{ page: 1, x: 0, y: 0 },
			{ page: 2, x: 0, y: 0 }
		]);
	});
});

describe('the label PDF', () => {
	it('has a page for every sheet the labels take, at the stock size', async () => {
		const { PDFDocument } = await import('pdf-lib');
		const { renderLabelSheet } = await import('./render-label-sheet');
		const labels = Array.from({ length: 26 }, (_, i) => ({ assetTag: `EX-${String(i).padStart(5, '0')}`, model: 'Acme Skolbok 11 – ÅÄÖ' }));
		const bytes = await renderLabelSheet({ sheet: a4, labels, title: 'Etiketter' });
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(2);
		const [w, h] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
		expect(w).toBeCloseTo((210 * 72) / 25.4, 1);
		expect(h).toBeCloseTo((297 * 72) / 25.4, 1);
		const rollPdf = await PDFDocument.load(await renderLabelSheet({ sheet: roll, labels: labels.slice(0, 3), title: 'Etiketter' }));
		expect(rollPdf.getPageCount()).toBe(3);
	});

	it('prints a name outside Latin-1 without failing', async () => {
		const { renderLabelSheet } = await import('./render-label-sheet');
		const bytes = await renderLabelSheet({ sheet: avery, labels: [{ assetTag: 'Ł-1', model: 'Модель 5' }], title: 'Ł' });
		expect(bytes.length).toBeGreaterThan(500);
	});
});
