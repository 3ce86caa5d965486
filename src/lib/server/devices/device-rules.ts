/** The device types a model can have (issue 17); labels in messages/devices (devices_type_<type>). */
export const DEVICE_TYPES = ['elevdator', 'lärardator', 'lärplatta', 'projektor', 'skärm', 'robot', 'kamera', 'annat'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Where a device is in its life (decision 049); labels devices_status_<status>. */
export const DEVICE_STATUSES = ['in_stock', 'handed_out', 'on_loan', 'in_repair', 'lost', 'stolen', 'scrapped'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** Statuses that block a hand-out for good until someone changes them on the device page. */
export const BLOCKED_STATUSES: readonly DeviceStatus[] = ['lost', 'stolen', 'scrapped'];
/** Statuses in which someone holds the device. */
export const HELD_STATUSES: readonly DeviceStatus[] = ['handed_out', 'on_loan'];

/** The condition recorded on a return (a short checklist); labels devices_condition_<condition>. */
export const RETURN_CONDITIONS = ['ok', 'damaged', 'missing_parts'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** The kinds of rows in a device's history. */
export const DEVICE_EVENT_KINDS = [
	'registered',
	'handed_out',
	'returned',
	'status_changed',
	'undone',
	'repair_sent',
	'repair_returned',
	'loaned',
	'updated',
	'pool_loaned',
	'inspected'
] as const;
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];

const DAY_MS = 86_400_000;
/** An average month in days, so a depreciation period of 36 months is three years to the day, give or take one. */
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * The value of a bought device on a day: its price depreciated in a straight line over the model's expected life,
 * counted in days from the purchase date. Never below 0, and once a day has passed, always under the new price
 * (rounded down to whole kronor). Null when it cannot be known: no purchase price (a leased model) or no purchase date.
 */
export function depreciatedValue(o: {
	purchasePrice: number | null;
	expectedLifeMonths: number;
	purchaseDate: string | null;
	on: string;
}): number | null {
	if (o.purchasePrice === null || o.purchaseDate === null || o.expectedLifeMonths <= 0) return null;
	const days = Math.max(0, (Date.parse(`${o.on}T00:00:00Z`) - Date.parse(`${o.purchaseDate}T00:00:00Z`)) / DAY_MS);
	if (!Number.isFinite(days)) return null;
	const left = 1 - days / (o.expectedLifeMonths * DAYS_PER_MONTH);
	if (left <= 0) return 0;
	const value = o.purchasePrice * left;
	return days > 0 ? Math.max(0, Math.min(Math.floor(value), o.purchasePrice - 1)) : o.purchasePrice;
}

/**
 * The fee to propose for a return: only a damaged device gets one, and it is the depreciated value (the most the
 * organizer lost), never the new price. Null when there is no fee to propose or the value cannot be known.
 */
export function proposeFee(condition: ReturnCondition, value: number | null): number | null {
	if (condition !== 'damaged' || value === null) return null;
	return value;
}

/**
 * The last day of a device's warranty: the purchase date plus the model's warranty months, by the calendar (a device
 * bought 2024-08-15 with 24 months is covered to 2026-08-14; when the later month has no such day, its last day
 * stands in for it). Null
 * without a purchase date or warranty.
 */
export function warrantyEndsOn(purchaseDate: string | null, warrantyMonths: number): string | null {
	if (!purchaseDate || warrantyMonths <= 0) return null;
	const [y, m, d] = purchaseDate.split('-').map(Number);
	const monthIndex = m - 1 + warrantyMonths;
	const year = y + Math.floor(monthIndex / 12);
	const month = monthIndex % 12;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const end = new Date(Date.UTC(year, month, Math.min(d, lastDay)) - DAY_MS);
	return end.toISOString().slice(0, 10);
}

/** Whether a device is under warranty on a day (both YYYY-MM-DD). */
export const underWarranty = (purchaseDate: string | null, warrantyMonths: number, on: string): boolean => {
	const end = warrantyEndsOn(purchaseDate, warrantyMonths);
	return end !== null && on >= (purchaseDate ?? '') && on <= end;
};

/**
 * The whole days a person was without their device because of a repair: none when they got a loaner in the same step
 * (or nobody had the device), otherwise from sending to the return (or to now while it is away).
 */
export function daysWithoutDevice(
	r: { holderId: string | null; loanerDeviceId: string | null; sentAt: Date; returnedAt: Date | null },
	now: Date
): number | null {
	if (!r.holderId) return null;
	if (r.loanerDeviceId) return 0;
	return Math.max(0, Math.floor(((r.returnedAt ?? now).getTime() - r.sentAt.getTime()) / DAY_MS));
}
