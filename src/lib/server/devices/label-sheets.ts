/**
 * Label stock the label sheet can print on, as data (decision 049, labels addendum). Sizes in millimetres; a sheet
 * has `columns` × `rows` labels of `width` × `height`, the first one `left`/`top` from the page's edge and each next
 * one `pitchX`/`pitchY` further on (the label plus the gap). A roll is a page per label.
 */
export type LabelSheet = {
	key: string;
	pageWidth: number;
	pageHeight: number;
	columns: number;
	rows: number;
	width: number;
	height: number;
	left: number;
	top: number;
	pitchX: number;
	pitchY: number;
};

export const LABEL_SHEETS = [
	// A4, 3 × 8 labels of 70 × 37 mm with no gaps (the common "24 per sheet").
	{ key: 'a4-3x8', pageWidth: 210, pageHeight: 297, columns: 3, rows: 8, width: 70, height: 37, left: 0, top: 0.5, pitchX: 70, pitchY: 37 },
	// A4, 2 × 7 labels of 99.1 × 38.1 mm, 2.5 mm between the columns (the "14 per sheet" of address labels).
	{
		key: 'a4-2x7',
		pageWidth: 210,
		pageHeight: 297,
		columns: 2,
		rows: 7,
		width: 99.1,
		height: 38.1,
		left: 4.65,
		top: 15.15,
		pitchX: 101.6,
		pitchY: 38.1
	},
	// A 62 mm wide roll cut at 29 mm, one label a page (label printers).
	{ key: 'roll-62x29', pageWidth: 62, pageHeight: 29, columns: 1, rows: 1, width: 62, height: 29, left: 0, top: 0, pitchX: 62, pitchY: 29 }
] as const satisfies readonly LabelSheet[];

export type LabelSheetKey = (typeof LABEL_SHEETS)[number]['key'];

export const labelSheet = (key: string): LabelSheet | undefined => LABEL_SHEETS.find((s) => s.key === key);

/** How many labels one page holds. */
export const labelsPerPage = (sheet: LabelSheet) => sheet.columns * sheet.rows;

/** Where one label goes: its page (from 0) and its top-left corner in millimetres from the page's top-left. */
export type LabelSlot = { page: number; x: number; y: number };

/**
 * The slots of `count` labels, filled row by row from the top left, starting after `skip` labels already used on the
 * first page (a half-used sheet; skip is taken modulo the labels per page and ignored for rolls).
 */
export function labelSlots(sheet: LabelSheet, count: number, skip = 0): LabelSlot[] {
	const perPage = labelsPerPage(sheet);
	const start = perPage > 1 ? Math.max(0, Math.floor(skip)) % perPage : 0;
	const slots: LabelSlot[] = [];
	for (let i = 0; i < count; i++) {
		const n = start + i;
		const inPage = n % perPage;
		const col = inPage % sheet.columns;
		const row = Math.floor(inPage / sheet.columns);
		slots.push({ page: Math.floor(n / perPage), x: sheet.left + col * sheet.pitchX, y: sheet.top + row * sheet.pitchY });
	}
	return slots;
}

/** How many pages `count` labels take after `skip` used ones. */
export const labelPages = (sheet: LabelSheet, count: number, skip = 0) =>
	count === 0 ? 0 : (labelSlots(sheet, count, skip).at(-1)?.page ?? 0) + 1;
