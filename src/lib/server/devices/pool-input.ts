import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (v: string) => DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
const day = (message: string) => z.string({ message }).trim().refine(realDay, message);

/** The new pool form: a name, and the unit it belongs to ('' for a central pool). */
export const poolSchema = z.object({
	name: z.string({ message: 'devices_pool_error_name' }).trim().min(1, 'devices_pool_error_name').max(100, 'devices_error_too_long'),
	unitId: z.string().trim().optional().default('')
});
export type PoolInput = z.input<typeof poolSchema>;

/** At most this many devices in one booking (a class set and some spare). */
export const MAX_BOOKED_DEVICES = 60;
/** A booking lasts at most this many days. */
export const MAX_BOOKING_DAYS = 180;

/**
 * The booking form: who borrows (an e-mail address or eppn; empty for oneself), the first and last day, and either
 * the tags of the devices (separated by commas, spaces or lines) or how many of a model; a note such as the class.
 */
export const bookingSchema = z
	.object({
		borrower: z.string().trim().max(254, 'devices_error_too_long').optional().default(''),
		startsOn: day('devices_booking_error_starts'),
		endsOn: day('devices_booking_error_ends'),
		tags: z
			.string()
			.optional()
			.default('')
			.transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean))]),
		count: z
			.string()
			.trim()
			.optional()
			.default('')
			.refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_BOOKED_DEVICES), 'devices_booking_error_count')
			.transform((v) => (v === '' ? 0 : Number(v))),
		modelId: z.string().trim().optional().default(''),
		note: z.string().trim().max(200, 'devices_error_too_long').optional().default('')
	})
	.superRefine((v, ctx) => {
		if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'devices_booking_error_order' });
		const days = (Date.parse(v.endsOn) - Date.parse(v.startsOn)) / 86_400_000;
		if (days >= MAX_BOOKING_DAYS) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'devices_booking_error_too_long' });
		if (v.tags.length === 0 && v.count === 0) ctx.addIssue({ code: 'custom', path: ['tags'], message: 'devices_booking_error_what' });
		if (v.tags.length > 0 && v.count > 0) ctx.addIssue({ code: 'custom', path: ['count'], message: 'devices_booking_error_both' });
		if (v.tags.length > MAX_BOOKED_DEVICES) ctx.addIssue({ code: 'custom', path: ['tags'], message: 'devices_booking_error_count' });
	});
export type BookingInput = z.input<typeof bookingSchema>;
