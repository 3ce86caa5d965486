import { invalid } from '../../errors';
import type { ArticleFile } from './import-articles';
import { readZip, ZipError } from '../export/zip';

/** The most an upload may unpack to; a knowledge base of a few hundred articles is a few megabytes. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Files zip tools add that are not articles (macOS resource forks, folders' metadata). */
const isNoise = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name) || /(^|\/)\.DS_Store$/.test(name);

const text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/**
 * The article files of an upload: several .md files, or one .zip of them (its .md files, in any folder).
 * INVALID on the `files` field when nothing was chosen, or the zip cannot be read or is too large.
 */
export function readUploadedArticles(uploads: { name: string; bytes: Uint8Array }[]): ArticleFile[] {
	const chosen = uploads.filter((u) => u.name !== '' || u.bytes.length > 0);
	if (chosen.length === 0) throw invalid('files', 'kbio_error_no_files');
	if (chosen.reduce((n, u) => n + u.bytes.length, 0) > MAX_BYTES) throw invalid('files', 'kbio_error_too_large');
	const zips = chosen.filter((u) => /\.zip$/i.test(u.name));
	if (zips.length > 0) {
		if (chosen.length > 1) throw invalid('files', 'kbio_error_zip_alone');
		let entries;
		try {
			entries = readZip(Buffer.from(zips[0].bytes), { maxBytes: MAX_BYTES });
		} catch (e) {
			if (e instanceof ZipError) throw invalid('files', 'kbio_error_bad_zip');
			throw e;
		}
		const files = entries.filter((e) => !isNoise(e.name) && /\.md$/i.test(e.name)).map((e) => ({ name: e.name, text: text(e.data) }));
		if (files.length === 0) throw invalid('files', 'kbio_error_zip_empty');
		return files;
	}
	// A file that is not .md is reported by the import as a bad file name, on its line 1, with the others.
	return chosen.map((u) => ({ name: u.name, text: text(u.bytes) }));
}
