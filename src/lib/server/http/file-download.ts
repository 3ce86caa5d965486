/** A stored file as sent back: its name, the type its bytes proved when it was stored, and the bytes. */
export type StoredFile = { fileName: string; contentType: string; content: Buffer };

/**
 * The response that downloads a stored file (an article's file, an agreement's file): always as an attachment, never
 * rendered inline, with the name in both the ASCII and the UTF-8 form of Content-Disposition, not sniffed, not cached.
 */
export function fileDownload(file: StoredFile): Response {
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(file.content), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.content.length),
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
}
