/** Control characters (C0, DEL, C1): browsers drop or mangle them, and a Location header cannot carry them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const BASE = 'http://rodtrad.invalid';

/**
 * Only a path on this site may be a redirect target; anything else goes home. The target must start with
 * one `/`, hold no control character and no backslash, and still be a path on this site after URL parsing
 * (`/%09/evil.example` would be `//evil.example` to a browser). Returns the parsed path, query and fragment.
 */
export function safeRedirectTarget(target: string | null | undefined): string {
	if (!target || target.length > 2000 || !target.startsWith('/') || target.startsWith('//')) return '/';
	if (CONTROL.test(target) || target.includes('\\')) return '/';
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return '/';
	}
	if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
	const path = `${url.pathname}${url.search}${url.hash}`;
	return CONTROL.test(decodeSafely(path)) ? '/' : path;
}

/** The path with %-escapes decoded, to see what a browser would make of it; malformed escapes count as unsafe. */
function decodeSafely(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return '\u0000';
	}
}
