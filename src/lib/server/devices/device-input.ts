import { z } from 'zod';
import { DEVICE_TYPES, RETURN_CONDITIONS } from './device-rules';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (v: string) => DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
/** Whole kronor or months as typed: '12 990' or '12990'; empty is null. */
const wholeNumber = (message: string, max: number) =>
	z
		.string()
		.optional()
		.transform((v) => (v ?? '').replace(/[\s\u00a0]/g, ''))
		.refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) <= max), message)
		.transform((v) => (v === '' ? null : Number(v)));

/** The new model form. */
export const modelSchema = z
	.object({
		maker: z.string({ message: 'devices_error_maker' }).trim().min(1, 'devices_error_maker').max(100, 'devices_error_too_long'),
		model: z.string({ message: 'devices_error_model' }).trim().min(1, 'devices_error_model').max(100, 'devices_error_too_long'),
		type: z.enum(DEVICE_TYPES, { message: 'devices_error_type' }),
		purchasePrice: wholeNumber('devices_error_price', 10_000_000),
		leasePerMonth: wholeNumber('devices_error_lease', 1_000_000),
		expectedLifeMonths: wholeNumber('devices_error_life', 240).refine((v) => v !== null && v > 0, 'devices_error_life'),
		warrantyMonths: wholeNumber('devices_error_warranty', 240).transform((v) => v ?? 0)
	})
	.superRefine((v, ctx) => {
		if (v.purchasePrice === null && v.leasePerMonth === null)
			ctx.addIssue({ code: 'custom', path: ['purchasePrice'], message: 'devices_error_price_or_lease' });
	});
export type ModelInput = z.input<typeof modelSchema>;

/** The add-one-device form. */
export const deviceSchema = z.object({
	assetTag: z.string({ message: 'devices_error_tag' }).trim().min(1, 'devices_error_tag').max(64, 'devices_error_too_long'),
	serialNumber: z
		.string()
		.trim()
		.max(100, 'devices_error_too_long')
		.optional()
		.transform((v) => v || null),
	modelId: z.string({ message: 'devices_error_model_choose' }).trim().min(1, 'devices_error_model_choose'),
	unitId: z.string({ message: 'devices_error_unit' }).trim().min(1, 'devices_error_unit'),
	purchaseDate: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || realDay(v), 'devices_error_date')
});
export type DeviceInput = z.input<typeof deviceSchema>;

/** One hand-out scan: the person's identifier, then the tag. */
export const handOutSchema = z.object({
	person: z.string({ message: 'devices_error_person' }).trim().min(1, 'devices_error_person').max(254, 'devices_error_too_long'),
	tag: z.string({ message: 'devices_error_tag' }).trim().min(1, 'devices_error_tag').max(64, 'devices_error_too_long')
});
export type HandOutInput = z.input<typeof handOutSchema>;

/** One return scan: the tag and the condition. */
export const returnSchema = z.object({
	tag: z.string({ message: 'devices_error_tag' }).trim().min(1, 'devices_error_tag').max(64, 'devices_error_too_long'),
	condition: z.enum(RETURN_CONDITIONS, { message: 'devices_error_condition' })
});
export type ReturnInput = z.input<typeof returnSchema>;

/** A form's fields as posted: each may be missing or any string; the schema decides. */
export type FormInput<T> = { [K in keyof T]?: string };
