import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getDevice } from '$lib/server/devices/get-device';
import { recordReturnInspection } from '$lib/server/devices/record-return-inspection';
import { readUploadedFiles } from '$lib/server/support/tickets/read-uploaded-files';
import { CHECKLIST_STATES, MAX_RETURN_PHOTOS, PHOTO_ACCEPT, RETURN_CHECKLIST } from '$lib/server/devices/return-checklist';
import type { Actions, PageServerLoad } from './$types';

/**
 * The follow-up to a return scan (?handelse=<the return's history row>): the checklist and photos, kept off the scan
 * page so one Enter still commits a return there. For those who manage the device; the return must be its own.
 */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
	const found = await getDevice(event.locals.db, { actor, organizerId: organizer.id, deviceId: event.params.deviceId }).catch(throwHttp);
	if (!found.canManage) error(403);
	const returned = found.events.find((e) => e.id === event.url.searchParams.get('handelse') && e.kind === 'returned');
	if (!returned) error(404);
	return {
		device: { id: found.device.id, assetTag: found.device.assetTag, maker: found.device.maker, model: found.device.model },
		returned: { id: returned.id, createdAt: returned.createdAt, personName: returned.personName, condition: returned.condition },
		items: RETURN_CHECKLIST,
		states: CHECKLIST_STATES,
		maxPhotos: MAX_RETURN_PHOTOS,
		accept: PHOTO_ACCEPT
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const data = await event.request.formData();
		const values = formValues(data);
		const photos = await readUploadedFiles(data, 'photos', MAX_RETURN_PHOTOS);
		return runAction(
			async () => {
				await recordReturnInspection(event.locals.db, {
					actor,
					organizerId: organizer.id,
					returnEventId: event.url.searchParams.get('handelse') ?? '',
					input: values,
					photos
				});
				redirect(303, `/${organizer.slug}/utrustning/${event.params.deviceId}?granskad`);
			},
			{ values, field: 'photos' }
		);
	}
};
