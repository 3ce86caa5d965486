import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getHandOutReceipt } from '$lib/server/devices/get-hand-out-receipt';
import type { PageServerLoad } from './$types';

/** A printable receipt for the device's latest hand-out or loan, or the one `?handelse=` names. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const receipt = await getHandOutReceipt(event.locals.db, {
		actor,
		organizerId: organizer.id,
		deviceId: event.params.deviceId,
		eventId: event.url.searchParams.get('handelse')
	}).catch(throwHttp);
	return { receipt, deviceId: event.params.deviceId };
};
