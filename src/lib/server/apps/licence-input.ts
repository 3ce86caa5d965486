import { z } from 'zod';
import { isIsoDate } from '$lib/calendar-date';

const day = (message: string) => z.string({ error: message }).trim().refine(isIsoDate, message);
const whole = (message: string, min: number) =>
	z
		.string({ error: message })
		.trim()
		.transform((v) => v.replace(/\s/g, ''))
		.refine((v) => /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= 10_000_000, message)
		.transform(Number);

/** A licence pool as the form sends it; `unitId` empty for a central pool. */
export const poolSchema = z.object({
	toolId: z.string({ error: 'apps_error_tool' }).trim().min(1, 'apps_error_tool'),
	unitId: z.string().trim().default(''),
	seats: whole('apps_error_seats', 1),
	validFrom: day('apps_error_day'),
	validTo: day('apps_error_day'),
	priceSek: z
		.string()
		.trim()
		.default('')
		.transform((v) => v.replace(/\s/g, ''))
		.refine((v) => v === '' || (/^\d{1,9}$/.test(v) && Number(v) <= 100_000_000), 'apps_error_cost')
		.transform((v) => (v === '' ? null : Number(v)))
});

/** The period a usage file covers. */
export const usagePeriodSchema = z.object({ periodFrom: day('apps_error_day'), periodTo: day('apps_error_day') });
