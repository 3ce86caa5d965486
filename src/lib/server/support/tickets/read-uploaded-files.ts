import type { IncomingFile } from './check-attachment';

/**
 * The files of a multipart form field, as bytes for `checkAttachments`. An empty file input
 * (no file chosen) gives nothing. Reads at most `max + 1` files so an oversized batch is refused cheaply.
 */
export async function readUploadedFiles(data: FormData, field = 'attachments', max = 3): Promise<IncomingFile[]> {
	const files = data.getAll(field).filter((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v);
	const chosen = files.filter((f) => f.name !== '' || f.size > 0).slice(0, max + 1);
	return Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
