// Covers: agreementState, mayApprove, addDays.
import { describe, expect, it } from 'vitest';
import { addDays, agreementState, mayApprove } from './agreement-state';

const today = '2026-12-03';
const state = (agreements: { validFrom: string; validTo: string | null }[], personalData = true) =>
	agreementState(agreements, { today, personalData }).state;

describe('the standing of a tool’s data processing agreements', () => {
	it('is valid while an agreement covers the day, and expiring within 60 days of its end', () => {
		expect(state([{ validFrom: '2025-01-01', validTo: null }])).toBe('valid');
		expect(state([{ validFrom: '2025-01-01', validTo: '2027-06-30' }])).toBe('valid');
		expect(state([{ validFrom: '2025-01-01', validTo: addDays(today, 60) }])).toBe('expiring');
		expect(state([{ validFrom: '2025-01-01', validTo: today }])).toBe('expiring');
		expect(agreementState([{ validFrom: '2025-01-01', validTo: '2027-01-10' }], { today, personalData: true }).validTo).toBe('2027-01-10');
	});

	it('lets a new agreement that overlaps the old one take over', () => {
		expect(
			state([
				{ validFrom: '2024-01-01', validTo: '2026-12-31' },
				{ validFrom: '2026-12-01', validTo: '2029-12-31' }
			])
		).toBe('valid');
	});

	it('is expired once the last one has ended, missing when there is none, and not needed without personal data', () => {
		expect(state([{ validFrom: '2024-01-01', validTo: '2026-12-02' }])).toBe('expired');
		expect(state([])).toBe('missing');
		// One that has not begun does not cover today, and nothing has ended either.
		expect(state([{ validFrom: '2027-01-01', validTo: null }])).toBe('missing');
		expect(state([], false)).toBe('not_needed');
	});

	it('allows approval only with a covering agreement when the tool handles personal data', () => {
		expect(mayApprove('valid', true)).toBe(true);
		expect(mayApprove('expiring', true)).toBe(true);
		expect(mayApprove('expired', true)).toBe(false);
		expect(mayApprove('missing', true)).toBe(false);
		expect(mayApprove('missing', false)).toBe(true);
		expect(mayApprove('not_needed', false)).toBe(true);
	});
});
