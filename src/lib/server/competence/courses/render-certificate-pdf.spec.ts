import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { renderCertificatePdf } from './render-certificate-pdf';

describe('renderCertificatePdf', () => {
	it('makes one A4 landscape page with the course in its title, Swedish letters and all', async () => {
		const bytes = await renderCertificatePdf({
			heading: 'Intyg',
			name: 'Åsa Öberg',
			intro: 'har genomfört följande hos Exempelkommun:',
			course: 'Källkritik i praktiken 🎓',
			details: ['Kort kurs · 3 delar', 'En lång beskrivning '.repeat(40)],
			date: 'Genomförd 3 december 2026'
		});
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		const [w, h] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
		expect(Math.round(w)).toBe(842);
		expect(Math.round(h)).toBe(595);
		expect(doc.getTitle()).toBe('Intyg – Källkritik i praktiken ??');
	});
});
