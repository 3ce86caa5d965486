// Covers: renderMarkdown, markdownToPlainText.
import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
	it('shows a script tag as text, never as a script', () => {
		const html = renderMarkdown('Hej <script>alert(1)</script> då');
		expect(html).not.toContain('<script');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	});

	it('shows raw HTML blocks and attributes as text', () => {
		const html = renderMarkdown('<div onclick="x()">klick</div>\n\n<img src=x onerror=alert(1)>');
		expect(html).not.toMatch(/<div|<img/);
		expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;');
	});

	it('drops javascript: and data: links, keeping their text', () => {
		const html = renderMarkdown('[klicka](javascript:alert(1)) och [data](data:text/html;base64,PHNjcmlwdD4=)');
		expect(html).not.toContain('href');
		expect(html).toContain('klicka');
	});

	it('keeps https and mailto links, external ones with rel="noopener"', () => {
		const html = renderMarkdown('[Filmen](https://film.exempel.se/a) eller [mejla](mailto:it@exempel.se)');
		expect(html).toContain('<a href="https://film.exempel.se/a" rel="noopener">Filmen</a>');
		expect(html).toContain('<a href="mailto:it@exempel.se">mejla</a>');
	});

	it('starts the article’s headings at h2, since the page has the h1', () => {
		const html = renderMarkdown('# Första\n\n## Andra\n\n### Tredje');
		expect(html).toContain('<h2>Första</h2>');
		expect(html).toContain('<h2>Andra</h2>');
		expect(html).toContain('<h3>Tredje</h3>');
		expect(html).not.toContain('<h1>');
		expect(renderMarkdown('# Första', { firstHeading: 3 })).toBe('<h3>Första</h3>\n');
	});

	it('shows an image as text instead of loading it from another server', () => {
		expect(renderMarkdown('![bild](https://spårning.exempel.se/p.png)')).not.toContain('<img');
	});

	it('renders lists, emphasis and code', () => {
		const html = renderMarkdown('1. Öppna **Inställningar**\n2. Skriv `ipconfig`');
		expect(html).toContain('<ol>');
		expect(html).toContain('<strong>Inställningar</strong>');
		expect(html).toContain('<code>ipconfig</code>');
	});
});

describe('markdownToPlainText', () => {
	it('keeps the words and drops the markup', () => {
		expect(markdownToPlainText('## Byt lösenord\n\n1. Gå till **Mitt konto**\n2. Välj [Byt](https://x.se)')).toBe(
			'Byt lösenord Gå till Mitt konto Välj Byt'
		);
	});
});
