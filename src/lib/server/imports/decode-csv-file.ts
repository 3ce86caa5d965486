import { ImportFileError } from './import-file-error';
import { MAX_IMPORT_BYTES } from './limits';

export type DecodedFile = { text: string; encoding: 'utf-8' | 'windows-1252' };

// Control characters that never occur in a text file a person saved (tab, LF, CR are fine).
// eslint-disable-next-line no-control-regex
const BINARY_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Turns uploaded bytes into text. Valid UTF-8 (with or without BOM) is read as UTF-8;
 * anything else as Windows-1252, which is what Swedish Excel writes by default.
 * Refuses empty, oversized and binary files with an ImportFileError.
 */
export function decodeCsvFile(bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): DecodedFile {
	if (bytes.length > maxBytes) throw new ImportFileError('too_large', { max: Math.round(maxBytes / (1024 * 1024)) });
	if (looksLikeUtf16(bytes)) throw new ImportFileError('binary');
	let text: string;
	let encoding: DecodedFile['encoding'];
	try {
		// fatal: invalid sequences throw instead of turning into U+FFFD; the BOM is dropped.
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		encoding = 'utf-8';
	} catch {
		text = new TextDecoder('windows-1252').decode(bytes);
		encoding = 'windows-1252';
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') throw new ImportFileError('empty');
	const controls = text.match(BINARY_CHARS)?.length ?? 0;
	if (text.includes('\u0000') || controls > Math.max(2, text.length / 1000)) throw new ImportFileError('binary');
	// Files from a Mac may spell Å as A + ring; matching names needs one spelling.
	return { text: text.normalize('NFC'), encoding };
}

/** UTF-16 ("Unicode text" in Excel) starts with a BOM FF FE or FE FF; we ask for UTF-8 instead. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}
