import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getDevice } from '$lib/server/devices/get-device';
import { SETTABLE_STATUSES, changeDeviceStatus } from '$lib/server/devices/change-device-status';
import { sendDeviceToRepair } from '$lib/server/devices/send-device-to-repair';
import { returnDeviceFromRepair } from '$lib/server/devices/return-device-from-repair';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const found = await getDevice(event.locals.db, { actor, organizerId: organizer.id, deviceId: event.params.deviceId }).catch(throwHttp);
	const p = event.url.searchParams;
	const notice = p.has('sparad')
		? 'saved'
		: p.has('status')
			? 'status'
			: p.has('reparation')
				? 'repair'
				: p.has('tillbaka')
					? 'back'
					: p.has('granskad')
						? 'inspected'
						: null;
	return { ...found, statuses: SETTABLE_STATUSES, notice };
};

export const actions: Actions = {
	status: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await changeDeviceStatus(event.locals.db, { actor, organizerId: organizer.id, deviceId: event.params.deviceId, input: values });
				redirect(303, `/${organizer.slug}/utrustning/${event.params.deviceId}?status`);
			},
			{ values }
		);
	},
	repair: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await sendDeviceToRepair(event.locals.db, { actor, organizerId: organizer.id, deviceId: event.params.deviceId, input: values });
				redirect(303, `/${organizer.slug}/utrustning/${event.params.deviceId}?reparation`);
			},
			{ values }
		);
	},
	repairReturn: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await returnDeviceFromRepair(event.locals.db, { actor, organizerId: organizer.id, deviceId: event.params.deviceId, input: values });
				redirect(303, `/${organizer.slug}/utrustning/${event.params.deviceId}?tillbaka`);
			},
			{ values }
		);
	}
};
