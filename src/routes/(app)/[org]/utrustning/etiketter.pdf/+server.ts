import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { isAppError } from '$lib/server/errors';
import { printDeviceLabels } from '$lib/server/devices/print-device-labels';
import type { RequestHandler } from './$types';

/** The label PDF for the register's filter; a bad choice goes back to the form with the message beside its field. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.view');
	const p = event.url.searchParams;
	const filter = { unitId: p.get('enhet') ?? '', modelId: p.get('modell') ?? '', status: p.get('status') ?? '', q: p.get('sok') ?? '' };
	const sheetKey = p.get('ark') ?? '';
	const skip = p.get('hoppa') ?? '';
	try {
		const { bytes } = await printDeviceLabels(event.locals.db, {
			actor,
			organizerId: organizer.id,
			organizerName: organizer.name,
			filter,
			sheetKey,
			skip
		});
		return new Response(bytes as Uint8Array<ArrayBuffer>, {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `inline; filename="etiketter-${sheetKey}.pdf"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		if (isAppError(e) && e.code === 'INVALID') {
			const back = new URLSearchParams(p);
			back.set('fel', e.issues[0]?.field ?? 'form');
			redirect(303, `/${organizer.slug}/utrustning/etiketter?${back}`);
		}
		return throwHttp(e);
	}
};
