import { AppError, type FieldIssue } from '../../errors';

/** At most this many files per form, each at most MAX_ATTACHMENT_BYTES. */
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** What the file picker offers; the server trusts only the bytes, never the name or the browser's type. */
export const ATTACHMENT_ACCEPT = 'image/png,image/jpeg,image/webp,application/pdf';

/** A file as it arrives from a form, before anything is stored. */
export type IncomingFile = { name: string; bytes: Uint8Array };
/** A file that passed the checks, with the type its bytes show. */
export type CheckedFile = { fileName: string; contentType: string; sizeBytes: number; data: Buffer };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The content type the file's first bytes prove, or null when it is none of PNG, JPEG, WebP or PDF. */
export function sniffContentType(b: Uint8Array): string | null {
	if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (b.length >= 12 && startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
	if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
	return null;
}

/** The extensions each allowed type is known by; the first is the one a name gets when it has none of them. */
const EXTENSIONS: Record<string, string[]> = {
	'image/png': ['png'],
	'image/jpeg': ['jpg', 'jpeg'],
	'image/webp': ['webp'],
	'application/pdf': ['pdf']
};

/**
 * The name with the extension of the type its bytes proved: `skärm.html` holding a PNG becomes
 * `skärm.png`, `foto` becomes `foto.jpg`; a right extension (any case, `.jpeg` too) stays. So a file
 * saved from a download never opens as something other than what was checked.
 */
export function nameForType(name: string, contentType: string): string {
	const known = EXTENSIONS[contentType];
	if (!known) return name;
	const trimmed = name.replace(/[.\s]+$/, '') || 'bilaga';
	const dot = trimmed.lastIndexOf('.');
	const ext = dot > 0 ? trimmed.slice(dot + 1).toLowerCase() : '';
	if (known.includes(ext)) return trimmed;
	const stem = dot > 0 ? trimmed.slice(0, dot) : trimmed;
	return `${stem.slice(0, 110)}.${known[0]}`;
}

/** A file name safe to store and to send back in Content-Disposition: no paths, no control characters, not too long. */
export function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const clean = base
		// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
		.replace(/[\u0000-\u001f\u007f"]/g, '')
		.trim()
		.slice(0, 120);
	return clean || 'bilaga';
}

/**
 * Checks one file: size and magic bytes. Returns the checked file or a message key for the form.
 */
export function checkAttachment(file: IncomingFile): CheckedFile | { error: string } {
	if (file.bytes.length === 0) return { error: 'tickets_error_attachment_empty' };
	if (file.bytes.length > MAX_ATTACHMENT_BYTES) return { error: 'tickets_error_attachment_too_large' };
	const contentType = sniffContentType(file.bytes);
	if (!contentType) return { error: 'tickets_error_attachment_type' };
	return {
		fileName: nameForType(cleanFileName(file.name), contentType),
		contentType,
		sizeBytes: file.bytes.length,
		data: Buffer.from(file.bytes)
	};
}

/**
 * Checks every file of a form (empty file inputs are ignored). Any problem → AppError INVALID on
 * `field`, so nothing is written when one file is bad.
 */
export function checkAttachments(files: IncomingFile[] | undefined, field = 'attachments'): CheckedFile[] {
	const real = (files ?? []).filter((f) => f.name !== '' || f.bytes.length > 0);
	const fail = (message: string): never => {
		const issues: FieldIssue[] = [{ field, message }];
		throw new AppError('INVALID', 'Ogiltig bilaga', issues);
	};
	if (real.length > MAX_ATTACHMENTS) fail('tickets_error_attachment_count');
	return real.map((f) => {
		const checked = checkAttachment(f);
		return 'error' in checked ? fail(checked.error) : checked;
	});
}

/** Runs a check and returns its value or the field issues of its INVALID error, so several checks can be reported together. */
export function attempt<T>(fn: () => T): { value: T } | { issues: FieldIssue[] } {
	try {
		return { value: fn() };
	} catch (e) {
		if (e instanceof AppError && e.code === 'INVALID') return { issues: e.issues };
		throw e;
	}
}
