import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { labelSlots, type LabelSheet } from './label-sheets';

/** What one label says: the asset tag (also in the QR code, so a scanner types it into the scan page) and the model. */
export type LabelContent = { assetTag: string; model: string };

const MM = 72 / 25.4;
const PADDING = 2.5;
const black = rgb(0, 0, 0);

/** The standard fonts write WinAnsi; anything beyond Latin-1 becomes '?' rather than failing the sheet. */
const printable = (s: string) => s.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, '?');

/** The text cut with an ellipsis so it fits `width` points at `size`. */
function fit(font: PDFFont, text: string, size: number, width: number) {
	if (font.widthOfTextAtSize(text, size) <= width) return text;
	let cut = text;
	while (cut.length > 1 && font.widthOfTextAtSize(`${cut}...`, size) > width) cut = cut.slice(0, -1);
	return `${cut}...`;
}

/** Draws a QR code of `text` as black squares, `side` mm wide, its top-left corner at (x, y) mm from the page's top-left. */
function drawQr(page: PDFPage, text: string, x: number, y: number, side: number) {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const cell = side / modules.size;
	const height = page.getHeight();
	for (let r = 0; r < modules.size; r++)
		for (let c = 0; c < modules.size; c++) {
			if (!modules.get(r, c)) continue;
			page.drawRectangle({
				x: (x + c * cell) * MM,
				y: height - (y + (r + 1) * cell) * MM,
				width: cell * MM + 0.05,
				height: cell * MM + 0.05,
				color: black
			});
		}
}

/**
 * A PDF of labels on the given stock: on each, a QR code of the asset tag on the left (as tall as the label allows),
 * the tag in bold and the model beside it. `skip` leaves the first labels of a half-used sheet empty. The title names
 * the organizer. Text is cut to fit, never shrunk below a readable size.
 */
export async function renderLabelSheet(opts: { sheet: LabelSheet; labels: LabelContent[]; skip?: number; title: string }) {
	const { sheet, labels } = opts;
	const doc = await PDFDocument.create();
	doc.setTitle(printable(opts.title));
	doc.setCreator('Rödtråd');
	const bold = await doc.embedFont(StandardFonts.HelveticaBold);
	const regular = await doc.embedFont(StandardFonts.Helvetica);
	const pages: PDFPage[] = [];
	const slots = labelSlots(sheet, labels.length, opts.skip ?? 0);
	labels.forEach((label, i) => {
		const slot = slots[i];
		while (pages.length <= slot.page) pages.push(doc.addPage([sheet.pageWidth * MM, sheet.pageHeight * MM]));
		const page = pages[slot.page];
		const side = Math.min(sheet.height, sheet.width / 2) - 2 * PADDING;
		drawQr(page, label.assetTag, slot.x + PADDING, slot.y + PADDING, side);
		const textX = (slot.x + 2 * PADDING + side) * MM;
		const textWidth = (sheet.width - 3 * PADDING - side) * MM;
		const tagSize = Math.min(14, Math.max(8, sheet.height / 3));
		const top = page.getHeight() - (slot.y + PADDING) * MM;
		page.drawText(fit(bold, printable(label.assetTag), tagSize, textWidth), { x: textX, y: top - tagSize, size: tagSize, font: bold });
		page.drawText(fit(regular, printable(label.model), 7, textWidth), { x: textX, y: top - tagSize - 10, size: 7, font: regular });
	});
	if (pages.length === 0) doc.addPage([sheet.pageWidth * MM, sheet.pageHeight * MM]);
	return doc.save();
}
