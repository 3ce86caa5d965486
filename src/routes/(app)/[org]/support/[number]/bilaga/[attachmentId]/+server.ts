import { error } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getAttachment } from '$lib/server/support/tickets/get-attachment';
import { nameForType } from '$lib/server/support/tickets/check-attachment';
import type { RequestHandler } from './$types';

/** Downloads one attachment of a case the person can see; always as a download, never rendered inline. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const raw = event.params.number;
	if (!/^\d{1,9}$/.test(raw)) error(404);
	const file = await getAttachment(event.locals.db, {
		actor,
		organizerId: organizer.id,
		number: Number(raw),
		attachmentId: event.params.attachmentId
	}).catch(throwHttp);
	// Names stored before the extension was set from the bytes get it here too.
	const fileName = nameForType(file.fileName, file.contentType);
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(file.data), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.data.length),
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
};
