import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getHandOutReceipt } from '$lib/server/devices/get-hand-out-receipt';
import { signHandOutReceipt, SIGNED_AS } from '$lib/server/devices/sign-hand-out-receipt';
import type { Actions, PageServerLoad } from './$types';

/** A printable receipt for the device's latest hand-out or loan, or the one `?handelse=` names; its receiver signs it here. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const receipt = await getHandOutReceipt(event.locals.db, {
		actor,
		organizerId: organizer.id,
		deviceId: event.params.deviceId,
		eventId: event.url.searchParams.get('handelse')
	}).catch(throwHttp);
	return { receipt, deviceId: event.params.deviceId, signedAs: SIGNED_AS, justSigned: event.url.searchParams.has('signerat') };
};

export const actions: Actions = {
	/** Decision 071: the person it was handed to signs (typed name, as whom, a tick); never twice. */
	sign: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await signHandOutReceipt(event.locals.db, {
					actor,
					organizerId: organizer.id,
					deviceId: event.params.deviceId,
					eventId: values.eventId ?? '',
					input: values
				});
				redirect(303, `/${organizer.slug}/utrustning/${event.params.deviceId}/kvitto?handelse=${values.eventId}&signerat`);
			},
			{ values }
		);
	}
};
