import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getDevicePool } from '$lib/server/devices/get-device-pool';
import { bookPoolDevices } from '$lib/server/devices/book-pool-devices';
import { pickUpBooking } from '$lib/server/devices/pick-up-booking';
import { returnBooking } from '$lib/server/devices/return-booking';
import { cancelBooking } from '$lib/server/devices/cancel-booking';
import { setPoolDevice } from '$lib/server/devices/set-pool-device';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NOTICES = ['ny', 'bokad', 'hamtad', 'aterlamnad', 'avbokad', 'tillagd', 'borttagen'] as const;

/** One pool: its devices, calendar and bookings; the booking form; the manager's pick-up, return and device forms. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.book');
	const found = await getDevicePool(event.locals.db, { actor, organizerId: organizer.id, poolId: event.params.poolId }).catch(throwHttp);
	return { ...found, notice: NOTICES.find((n) => event.url.searchParams.has(n)) ?? null };
};

const back = (event: RequestEvent, slug: string, notice: (typeof NOTICES)[number]) =>
	redirect(303, `/${slug}/utrustning/lanepooler/${event.params.poolId}?${notice}`);

/** A booking step (pick-up, return, cancel): the booking's id from the form; a refusal is shown at the top. */
async function bookingStep(
	event: RequestEvent,
	step: typeof pickUpBooking | typeof returnBooking | typeof cancelBooking,
	notice: (typeof NOTICES)[number]
) {
	const { actor, organizer } = await requireOrganizer(event, 'devices.book');
	const bookingId = String((await event.request.formData()).get('booking') ?? '');
	return runAction(
		async () => {
			await step(event.locals.db, { actor, organizerId: organizer.id, bookingId });
			back(event, organizer.slug, notice);
		},
		{ data: { action: 'booking', bookingId } }
	);
}

export const actions: Actions = {
	book: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.book');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await bookPoolDevices(event.locals.db, { actor, organizerId: organizer.id, poolId: event.params.poolId, input: values });
				back(event, organizer.slug, 'bokad');
			},
			{ values, data: { action: 'book' } }
		);
	},
	pickUp: (event) => bookingStep(event, pickUpBooking, 'hamtad'),
	return: (event) => bookingStep(event, returnBooking, 'aterlamnad'),
	cancel: (event) => bookingStep(event, cancelBooking, 'avbokad'),
	device: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.pools');
		const values = formValues(await event.request.formData());
		const inPool = values.intent !== 'remove';
		return runAction(
			async () => {
				await setPoolDevice(event.locals.db, {
					actor,
					organizerId: organizer.id,
					poolId: event.params.poolId,
					tag: String(values.tag ?? ''),
					inPool
				});
				back(event, organizer.slug, inPool ? 'tillagd' : 'borttagen');
			},
			{ values, data: { action: 'device' } }
		);
	}
};
