// Covers: checkAttachments, cleanFileName, nameForType, sniffContentType.
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../../../../tests/factories';
import { checkAttachments, cleanFileName, MAX_ATTACHMENT_BYTES, nameForType, sniffContentType } from './check-attachment';

const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');

describe('checking attachments', () => {
	it('recognizes PNG, JPEG, WebP and PDF by their first bytes', () => {
		expect(sniffContentType(SAMPLE_FILES.png)).toBe('image/png');
		expect(sniffContentType(SAMPLE_FILES.jpeg)).toBe('image/jpeg');
		expect(sniffContentType(SAMPLE_FILES.webp)).toBe('image/webp');
		expect(sniffContentType(SAMPLE_FILES.pdf)).toBe('application/pdf');
	});

	it('refuses a renamed program and an HTML page named .png, whatever the name says', () => {
		for (const bytes of [exe, html]) {
			const err = (() => {
				try {
					checkAttachments([{ name: 'skärmbild.png', bytes }]);
				} catch (e) {
					return e as { code: string; issues: unknown[] };
				}
			})();
			expect(err?.code).toBe('INVALID');
			expect(err?.issues).toEqual([{ field: 'attachments', message: 'tickets_error_attachment_type' }]);
		}
	});

	it('refuses a file over 2 MB and more than three files, and accepts exactly 2 MB', () => {
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		big.set(SAMPLE_FILES.png);
		expect(() => checkAttachments([{ name: 'stor.png', bytes: big }])).toThrow(
			expect.objectContaining({ issues: [{ field: 'attachments', message: 'tickets_error_attachment_too_large' }] })
		);
		const four = Array.from({ length: 4 }, (_, i) => ({ name: `${i}.pdf`, bytes: SAMPLE_FILES.pdf }));
		expect(() => checkAttachments(four)).toThrow(
			expect.objectContaining({ issues: [{ field: 'attachments', message: 'tickets_error_attachment_count' }] })
		);
		const exact = new Uint8Array(MAX_ATTACHMENT_BYTES);
		exact.set(SAMPLE_FILES.jpeg);
		expect(checkAttachments([{ name: 'foto.jpg', bytes: exact }])[0]).toMatchObject({
			contentType: 'image/jpeg',
			sizeBytes: MAX_ATTACHMENT_BYTES
		});
	});

	it('ignores an empty file input and stores the type the bytes show, not the one in the name', () => {
		expect(checkAttachments([{ name: '', bytes: new Uint8Array() }])).toEqual([]);
		expect(checkAttachments([{ name: 'kvitto.png', bytes: SAMPLE_FILES.pdf }])[0].contentType).toBe('application/pdf');
	});

	it('keeps only the base name of a file, without control characters or quotes', () => {
		expect(cleanFileName('C:\\Users\\x\\bild "1".png')).toBe('bild 1.png');
		expect(cleanFileName('../../etc/passwd')).toBe('passwd');
		expect(cleanFileName('\u0000')).toBe('bilaga');
	});

	it('gives a name the extension its bytes prove (finding 10: x.html stays no .html)', () => {
		expect(checkAttachments([{ name: 'x.html', bytes: SAMPLE_FILES.png }])[0].fileName).toBe('x.png');
		expect(nameForType('sida.html', 'application/pdf')).toBe('sida.pdf');
		expect(nameForType('foto.JPEG', 'image/jpeg')).toBe('foto.JPEG');
		expect(nameForType('foto', 'image/jpeg')).toBe('foto.jpg');
		expect(nameForType('.htaccess', 'image/webp')).toBe('.htaccess.webp');
		expect(nameForType('bild.png.', 'image/png')).toBe('bild.png');
		expect(nameForType('a.tar.svg', 'image/png')).toBe('a.tar.png');
	});
});
