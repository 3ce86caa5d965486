import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction } from '$lib/server/http/errors';
import { handOutDevice } from '$lib/server/devices/hand-out-device';
import { returnDevice } from '$lib/server/devices/return-device';
import { undoDeviceScan } from '$lib/server/devices/undo-device-scan';
import { RETURN_CONDITIONS } from '$lib/server/devices/device-rules';
import type { Actions, PageServerLoad } from './$types';

/** The scan page answers every scan on the page itself (no redirect), so the confirmation and the undo are at hand. */
export const load: PageServerLoad = async (event) => {
	await requireOrganizer(event, 'devices.manage');
	return {
		mode: event.url.searchParams.get('lage') === 'ta-emot' ? ('return' as const) : ('handOut' as const),
		conditions: RETURN_CONDITIONS
	};
};

export const actions: Actions = {
	handOut: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const done = await handOutDevice(event.locals.db, { actor, organizerId: organizer.id, input: values });
				return { scan: { kind: 'handed_out' as const, ...done, condition: null, fee: null, value: null } };
			},
			{ values }
		);
	},
	return: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const done = await returnDevice(event.locals.db, { actor, organizerId: organizer.id, input: values });
				return { scan: { kind: 'returned' as const, ...done } };
			},
			{ values }
		);
	},
	undo: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const done = await undoDeviceScan(event.locals.db, { actor, organizerId: organizer.id, eventId: values.eventId ?? '' });
				return { undone: { tag: done.tag } };
			},
			{ values, field: 'undo' }
		);
	}
};
