// Covers: roundStatus.
import { describe, expect, it } from 'vitest';
import { roundStatus } from './round-status';

const round = { opensOn: '2026-09-01', closesOn: '2026-09-30', closedAt: null };

describe('roundStatus', () => {
	it('is upcoming before the first day, open through the last day, closed after it', () => {
		expect(roundStatus(round, '2026-08-31')).toBe('upcoming');
		expect(roundStatus(round, '2026-09-01')).toBe('open');
		expect(roundStatus(round, '2026-09-30')).toBe('open');
		expect(roundStatus(round, '2026-10-01')).toBe('closed');
	});
	it('is closed once closed by hand, whatever the dates say', () => {
		expect(roundStatus({ ...round, closedAt: new Date() }, '2026-09-10')).toBe('closed');
	});
});
