import { describe, expect, it } from 'vitest';
import { agreementCoverageShare, licenceUseShare, requestsInTimeShare, type ToolOnDay } from './apps-indicator-values';

const tool = (o: Partial<ToolOnDay> = {}): ToolOnDay => ({
	personalData: true,
	agreements: [{ validFrom: '2025-01-01', validTo: null }],
	decisions: [{ outcome: 'approved', on: '2025-02-01' }],
	classifiedOn: ['2025-01-15'],
	...o
});

describe('the digital tools’ planning indicators', () => {
	it('counts, of the tools approved on the day, those with an agreement covering it and a classification made by then', () => {
		const tools = [
			tool(),
			tool({ personalData: false, agreements: [] }), // needs no agreement
			tool({ agreements: [{ validFrom: '2025-01-01', validTo: '2025-05-31' }] }), // ended before the day
			tool({ classifiedOn: ['2025-07-01'] }), // classified after the day
			tool({
				decisions: [
					{ outcome: 'approved', on: '2025-02-01' },
					{ outcome: 'refused', on: '2025-03-01' }
				]
			}), // not in use
			tool({ decisions: [{ outcome: 'approved_with_conditions', on: '2025-07-01' }] }) // approved after the day
		];
		expect(agreementCoverageShare(tools, '2025-06-30')).toBe(2 / 4);
		expect(agreementCoverageShare(tools, '2025-01-01')).toBeNull();
	});

	it('takes the latest decision by the day, whatever order they come in', () => {
		const t = tool({
			decisions: [
				{ outcome: 'approved', on: '2025-04-01' },
				{ outcome: 'refused', on: '2025-02-01' }
			]
		});
		expect(agreementCoverageShare([t], '2025-03-01')).toBeNull();
		expect(agreementCoverageShare([t], '2025-05-01')).toBe(1);
	});

	it('sums licences used over seats bought, and never above all', () => {
		expect(
			licenceUseShare([
				{ seats: 200, used: 12 },
				{ seats: 100, used: 90 }
			])
		).toBeCloseTo(102 / 300);
		expect(licenceUseShare([{ seats: 10, used: 15 }])).toBe(1);
		expect(licenceUseShare([])).toBeNull();
	});

	it('counts requests decided by their due date', () => {
		const due = new Date('2026-03-10T16:00:00Z');
		expect(
			requestsInTimeShare([
				{ dueAt: due, decidedAt: new Date('2026-03-10T16:00:00Z') },
				{ dueAt: due, decidedAt: new Date('2026-03-11T08:00:00Z') },
				{ dueAt: due, decidedAt: new Date('2026-03-05T08:00:00Z') }
			])
		).toBe(2 / 3);
		expect(requestsInTimeShare([])).toBeNull();
	});
});
