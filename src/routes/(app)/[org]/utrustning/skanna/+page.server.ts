import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { handOutDevice } from '$lib/server/devices/hand-out-device';
import { returnDevice } from '$lib/server/devices/return-device';
import { undoDeviceScan } from '$lib/server/devices/undo-device-scan';
import { pickUpBookingByTag } from '$lib/server/devices/pick-up-booking-by-tag';
import { findClassDevices, parseClassList } from '$lib/server/devices/find-class-devices';
import { RETURN_CONDITIONS } from '$lib/server/devices/device-rules';
import { getDeviceSettings } from '$lib/server/devices/get-device-settings';
import type { Actions, PageServerLoad } from './$types';

const MODES = { 'ta-emot': 'return', hamta: 'pickUp' } as const;

/**
 * The scan page answers every scan on the page itself (no redirect), so the confirmation and the undo are at hand.
 * Hand-out mode may carry a class list (`?lista=`, year-group mode): who on it still has no device, the next of them
 * ready in the person field.
 */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
	const mode: 'handOut' | (typeof MODES)[keyof typeof MODES] =
		(MODES as Record<string, (typeof MODES)[keyof typeof MODES] | undefined>)[event.url.searchParams.get('lage') ?? ''] ?? 'handOut';
	const listText = mode === 'handOut' ? (event.url.searchParams.get('lista') ?? '') : '';
	const identifiers = parseClassList(listText);
	const classList = identifiers.length
		? await findClassDevices(event.locals.db, { actor, organizerId: organizer.id, identifiers }).catch(throwHttp)
		: null;
	const { receiptsRequired } = await getDeviceSettings(event.locals.db, organizer.id);
	return { mode, conditions: RETURN_CONDITIONS, listText, classList, receiptsRequired };
};

export const actions: Actions = {
	handOut: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const done = await handOutDevice(event.locals.db, { actor, organizerId: organizer.id, input: values });
				return {
					scan: { kind: 'handed_out' as const, ...done, condition: null, fee: null, value: null, caseNumber: null, warrantyClaim: false }
				};
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
	pickUp: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => ({ pickedUp: await pickUpBookingByTag(event.locals.db, { actor, organizerId: organizer.id, input: values }) }),
			// The booking's refusals name the whole booking; here the scanned tag is what was sent.
			{ values, renameField: (f) => (f === 'form' ? 'tag' : f) }
		);
	},
	undo: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'devices.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const done = await undoDeviceScan(event.locals.db, { actor, organizerId: organizer.id, eventId: values.eventId ?? '' });
				return { undone: { tag: done.tag, returnCase: done.returnCase } };
			},
			{ values, field: 'undo' }
		);
	}
};
