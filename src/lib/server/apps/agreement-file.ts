import { createHash } from 'node:crypto';
import { invalid } from '../errors';
import { cleanFileName, nameForType, sniffContentType, type IncomingFile } from '../support/tickets/check-attachment';

/** Largest agreement file taken: a scanned agreement with appendices, well under the server's body limit. */
export const MAX_AGREEMENT_FILE_BYTES = 5 * 1024 * 1024;
/** What the file picker offers; the server trusts only the bytes. */
export const AGREEMENT_FILE_ACCEPT = 'application/pdf';

/** A signed agreement that passed the checks, with the hash of its bytes. */
export type CheckedAgreementFile = { fileName: string; contentType: string; size: number; sha256: string; content: Buffer };

/**
 * Checks the file of a signed agreement: present, at most MAX_AGREEMENT_FILE_BYTES, and a PDF by its first bytes
 * (the name and the browser's type are not trusted; the name gets `.pdf`). INVALID beside `file` otherwise.
 */
export function checkAgreementFile(file: IncomingFile | null): CheckedAgreementFile {
	if (!file || (file.name === '' && file.bytes.length === 0)) throw invalid('file', 'apps_error_file_missing');
	if (file.bytes.length === 0) throw invalid('file', 'apps_error_file_empty');
	if (file.bytes.length > MAX_AGREEMENT_FILE_BYTES) throw invalid('file', 'apps_error_file_too_large');
	if (sniffContentType(file.bytes) !== 'application/pdf') throw invalid('file', 'apps_error_file_not_pdf');
	const content = Buffer.from(file.bytes);
	return {
		fileName: nameForType(cleanFileName(file.name), 'application/pdf'),
		contentType: 'application/pdf',
		size: content.length,
		sha256: createHash('sha256').update(content).digest('hex'),
		content
	};
}
