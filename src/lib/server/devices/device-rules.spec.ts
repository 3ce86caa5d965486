// Covers: depreciatedValue, proposeFee, warrantyEndsOn, underWarranty, daysWithoutDevice.
import { describe, expect, it } from 'vitest';
import { daysWithoutDevice, depreciatedValue, proposeFee, underWarranty, warrantyEndsOn } from './device-rules';

// Assumptions: straight line over the expected life, counted in days (a month is 365.25 / 12 days), whole kronor
// rounded down, from the purchase date.
const chromebook = { purchasePrice: 3600, expectedLifeMonths: 36, purchaseDate: '2024-08-01' };

describe('depreciatedValue', () => {
	it('is the new price on the day of purchase', () => {
		expect(depreciatedValue({ ...chromebook, on: '2024-08-01' })).toBe(3600);
	});

	it('is under the new price as soon as a day has passed', () => {
		const value = depreciatedValue({ ...chromebook, on: '2024-08-02' });
		expect(value).toBeLessThan(3600);
		expect(value).toBeGreaterThan(3590);
	});

	it('falls in a straight line: half the price half-way through the life', () => {
		// 18 months of 36 ≈ 548 days after 2024-08-01.
		expect(depreciatedValue({ ...chromebook, on: '2026-01-31' })).toBeGreaterThanOrEqual(1795);
		expect(depreciatedValue({ ...chromebook, on: '2026-01-31' })).toBeLessThanOrEqual(1805);
	});

	it('is 0 at the end of the life and never below it', () => {
		expect(depreciatedValue({ ...chromebook, on: '2027-08-02' })).toBe(0);
		expect(depreciatedValue({ ...chromebook, on: '2031-01-01' })).toBe(0);
	});

	it('counts a date before the purchase as the purchase day', () => {
		expect(depreciatedValue({ ...chromebook, on: '2024-01-01' })).toBe(3600);
	});

	it('is unknown without a purchase price (a leased model) or a purchase date', () => {
		expect(depreciatedValue({ ...chromebook, purchasePrice: null, on: '2025-01-01' })).toBeNull();
		expect(depreciatedValue({ ...chromebook, purchaseDate: null, on: '2025-01-01' })).toBeNull();
	});

	it('never gives the new price of a cheap model once time has passed', () => {
		expect(depreciatedValue({ purchasePrice: 1, expectedLifeMonths: 240, purchaseDate: '2025-01-01', on: '2025-01-02' })).toBe(0);
	});
});

describe('proposeFee', () => {
	it('proposes the depreciated value for a damaged device', () => {
		expect(proposeFee('damaged', 1200)).toBe(1200);
	});

	it('proposes nothing for a device in order or with missing parts, or when the value is unknown', () => {
		expect(proposeFee('ok', 1200)).toBeNull();
		expect(proposeFee('missing_parts', 1200)).toBeNull();
		expect(proposeFee('damaged', null)).toBeNull();
	});
});

describe('warranty', () => {
	it('ends the day before the same date the warranty months later (a shorter month counts from its last day)', () => {
		expect(warrantyEndsOn('2024-08-15', 24)).toBe('2026-08-14');
		expect(warrantyEndsOn('2024-08-31', 6)).toBe('2025-02-27');
		expect(warrantyEndsOn('2024-01-01', 12)).toBe('2024-12-31');
		expect(warrantyEndsOn(null, 24)).toBeNull();
		expect(warrantyEndsOn('2024-08-15', 0)).toBeNull();
		expect(underWarranty('2024-08-15', 24, '2026-08-14')).toBe(true);
		expect(underWarranty('2024-08-15', 24, '2026-08-15')).toBe(false);
		expect(underWarranty(null, 24, '2025-01-01')).toBe(false);
	});
});

describe('days without a device', () => {
	const sentAt = new Date('2026-03-02T08:00:00Z');
	it('is none with a loaner or nobody holding the device, else whole days from sending to the return or now', () => {
		expect(daysWithoutDevice({ holderId: 'p', loanerDeviceId: 'l', sentAt, returnedAt: null }, new Date('2026-04-01T00:00:00Z'))).toBe(0);
		expect(
			daysWithoutDevice({ holderId: null, loanerDeviceId: null, sentAt, returnedAt: null }, new Date('2026-04-01T00:00:00Z'))
		).toBeNull();
		expect(
			daysWithoutDevice({ holderId: 'p', loanerDeviceId: null, sentAt, returnedAt: new Date('2026-03-09T07:59:00Z') }, new Date())
		).toBe(6);
		expect(daysWithoutDevice({ holderId: 'p', loanerDeviceId: null, sentAt, returnedAt: null }, new Date('2026-03-12T09:00:00Z'))).toBe(10);
	});
});
