import { z } from 'zod';

const whole = (message: string, max: number) =>
	z
		.string({ message })
		.transform((v) => v.replace(/[\s\u00a0]/g, ''))
		.refine((v) => /^\d+$/.test(v) && Number(v) <= max, message)
		.transform(Number);

/** The rent-or-buy form on the costs page: whole numbers, kronor and months. */
export const rentOrBuySchema = z.object({
	devices: whole('devices_costs_error_devices', 100_000).refine((v) => v > 0, 'devices_costs_error_devices'),
	months: whole('devices_costs_error_months', 120).refine((v) => v > 0, 'devices_costs_error_months'),
	purchasePrice: whole('devices_costs_error_amount', 1_000_000),
	leasePerMonth: whole('devices_costs_error_amount', 100_000),
	repairsPerYear: whole('devices_costs_error_amount', 1_000_000),
	residualValue: whole('devices_costs_error_amount', 1_000_000),
	leaseIncludesRepairs: z
		.string()
		.optional()
		.transform((v) => v === 'on')
});
