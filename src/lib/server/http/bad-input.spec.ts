// Covers: badForm, badText, badUrl.
import { describe, expect, it } from 'vitest';
import { badForm, badText, badUrl, MAX_FIELD_CHARS } from './bad-input';

const post = (body: BodyInit, type: string) =>
	new Request('http://localhost/logga-in', { method: 'POST', body, headers: { 'content-type': type } });

describe('input no page can use', () => {
	it('finds control characters, bad encodings and over-long text', () => {
		expect(badText('hej\nhopp\tklart\r\n')).toBeNull();
		expect(badText('a\u0000b')).toBe('control');
		expect(badText('a\u001bb')).toBe('control');
		expect(badText('a\ufffdb')).toBe('encoding');
		expect(badText('x'.repeat(MAX_FIELD_CHARS + 1))).toBe('too_long');
	});

	it('checks the path and the query of a URL', () => {
		expect(badUrl(new URL('http://localhost/testkommun/personer?q=%C3%A5sa'))).toBeNull();
		expect(badUrl(new URL('http://localhost/testkommun/personer?q=a%00b'))).toBe('control');
		expect(badUrl(new URL('http://localhost/%00/support'))).toBe('control');
		expect(badUrl(new URL('http://localhost/testkommun/personer?q=%E4'))).toBe('encoding');
		expect(badUrl(new URL('http://localhost/%E4'))).toBe('encoding');
	});

	it('checks form bodies, url-encoded and multipart, and leaves the body for the action', async () => {
		const fine = post('email=a%40b.se&password=hemligt', 'application/x-www-form-urlencoded');
		expect(await badForm(fine)).toBeNull();
		expect((await fine.formData()).get('email')).toBe('a@b.se');
		expect(await badForm(post('email=a%00b', 'application/x-www-form-urlencoded'))).toBe('control');
		expect(await badForm(post('email=%FF%FE', 'application/x-www-form-urlencoded'))).toBe('encoding');
		expect(await badForm(post('email=' + 'a'.repeat(MAX_FIELD_CHARS + 1), 'application/x-www-form-urlencoded'))).toBe('too_long');
		expect(await badForm(post('--x\r\nnot a part', 'multipart/form-data; boundary=x'))).toBe('malformed');
		const form = new FormData();
		form.set('text', 'a\u0000b');
		expect(await badForm(new Request('http://localhost/x', { method: 'POST', body: form }))).toBe('control');
		expect(await badForm(post('{"a":1}', 'application/json'))).toBeNull();
	});
});
