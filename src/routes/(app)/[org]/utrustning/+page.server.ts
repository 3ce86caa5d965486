import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { DEVICE_LIST_LIMIT, findDevices } from '$lib/server/devices/find-devices';
import { DEVICE_STATUSES } from '$lib/server/devices/device-rules';
import { findDeviceLosses } from '$lib/server/devices/find-device-losses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.view');
	const p = event.url.searchParams;
	const filter = { unitId: p.get('enhet') ?? '', modelId: p.get('modell') ?? '', status: p.get('status') ?? '', q: p.get('sok') ?? '' };
	const found = await findDevices(event.locals.db, { actor, organizerId: organizer.id, filter }).catch(throwHttp);
	const losses = await findDeviceLosses(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return {
		...found,
		losses,
		statuses: DEVICE_STATUSES,
		limit: DEVICE_LIST_LIMIT,
		saved: p.has('sparad'),
		canManage: can(actor, 'devices.manage', { type: 'organizer', organizerId: organizer.id })
	};
};
