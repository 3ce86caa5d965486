// Covers: safeRedirectTarget.
import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

describe('redirect targets', () => {
	it('keeps a path on this site, with its query and fragment', () => {
		expect(safeRedirectTarget('/testkommun/support?flik=mina#lista')).toBe('/testkommun/support?flik=mina#lista');
		expect(safeRedirectTarget('/konto')).toBe('/konto');
	});

	it('sends everything else home', () => {
		for (const target of [
			null,
			'',
			'https://evil.example/',
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r/evil.example',
			'/\u0000',
			'/a\u0085b',
			'/%09/evil.example',
			'/%0a',
			'/%0d',
			'/%00',
			'/%E4',
			'\\\\evil.example',
			'javascript:alert(1)',
			'/' + 'a'.repeat(3000)
		]) {
			expect(safeRedirectTarget(target), JSON.stringify(target)).toBe('/');
		}
	});
});
