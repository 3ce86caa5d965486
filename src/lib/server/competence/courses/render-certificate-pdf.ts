import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** The lines of a certificate, already in the reader's language: heading, name, what, course, details, date. */
export type CertificateText = { heading: string; name: string; intro: string; course: string; details: string[]; date: string };

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const black = rgb(0, 0, 0);

/** The standard fonts write WinAnsi (Swedish letters included); anything beyond Latin-1 becomes '?' rather than failing. */
const printable = (s: string) => s.replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2019]/g, '?');

/** Splits a text into lines no wider than `width` points. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of printable(text).split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && font.widthOfTextAtSize(next, size) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/** Draws lines centred on the page from `y` downwards; returns where the next text starts. */
function centred(page: PDFPage, font: PDFFont, lines: string[], size: number, y: number): number {
	for (const line of lines) {
		page.drawText(line, { x: (page.getWidth() - font.widthOfTextAtSize(line, size)) / 2, y, size, font, color: black });
		y -= size * 1.35;
	}
	return y;
}

/**
 * A certificate of completion as a one-page A4 landscape PDF (decision 066: "a person can download"), drawn with
 * pdf-lib's standard fonts inside a double frame. Pure: the caller has checked whose certificate it is.
 */
export async function renderCertificatePdf(text: CertificateText): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	doc.setTitle(printable(`${text.heading} – ${text.course}`));
	const page = doc.addPage(A4_LANDSCAPE);
	const [regular, bold] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold)]);
	const { width, height } = page.getSize();
	page.drawRectangle({ x: 40, y: 40, width: width - 80, height: height - 80, borderColor: black, borderWidth: 3 });
	page.drawRectangle({ x: 48, y: 48, width: width - 96, height: height - 96, borderColor: black, borderWidth: 1 });
	const inner = width - 200;
	let y = height - 140;
	y = centred(page, bold, wrap(bold, text.heading, 34, inner), 34, y) - 24;
	y = centred(page, bold, wrap(bold, text.name, 26, inner), 26, y) - 10;
	y = centred(page, regular, wrap(regular, text.intro, 15, inner), 15, y) - 10;
	y = centred(page, bold, wrap(bold, text.course, 22, inner), 22, y) - 10;
	for (const d of text.details) y = centred(page, regular, wrap(regular, d, 12, inner).slice(0, 4), 12, y) - 4;
	centred(page, regular, [printable(text.date)], 14, Math.min(y - 20, 110));
	return doc.save();
}
