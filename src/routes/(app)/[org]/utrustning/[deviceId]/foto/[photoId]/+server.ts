import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getReturnPhoto } from '$lib/server/devices/get-return-photo';
import type { RequestHandler } from './$types';

/** One photo of a returned device, shown on its history page: only PNG, JPEG or WebP as the bytes proved, never sniffed. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const photo = await getReturnPhoto(event.locals.db, {
		actor,
		organizerId: organizer.id,
		deviceId: event.params.deviceId,
		photoId: event.params.photoId
	}).catch(throwHttp);
	const ascii = photo.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(photo.data), {
		headers: {
			'Content-Type': photo.contentType,
			'Content-Length': String(photo.data.length),
			'Content-Disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'",
			'Cache-Control': 'private, no-store'
		}
	});
};
