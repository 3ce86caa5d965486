// Covers: modelCostPerStudentYear, compareRentOrBuy.
import { describe, expect, it } from 'vitest';
import { compareRentOrBuy, devicesPerStudent, modelCostPerStudentYear, repairCostPerDeviceYear } from './device-costs';

const base = { purchasePrice: 3600, leasePerMonth: null, expectedLifeMonths: 36, deviceYears: 100, repairs: [], losses: 0, daysWithout: 0 };

describe('cost per student-year', () => {
	it('spreads a purchase over the expected life with no residual value', () => {
		expect(modelCostPerStudentYear(base)).toMatchObject({
			capitalPerYear: 1200,
			repairsPerYear: 0,
			lossesPerYear: 0,
			perStudentYear: 1200
		});
	});

	it('adds the repairs per device-year and groups them by year of life', () => {
		const cost = modelCostPerStudentYear({
			...base,
			repairs: [
				{ cost: 800, lifeYear: 1 },
				{ cost: 1200, lifeYear: 3 },
				{ cost: 1000, lifeYear: 3 }
			]
		})!;
		expect(cost.repairsPerYear).toBe(30);
		expect(cost.perStudentYear).toBe(1230);
		expect(cost.repairsByLifeYear).toEqual([
			{ cost: 800, count: 1 },
			{ cost: 0, count: 0 },
			{ cost: 2200, count: 2 }
		]);
	});

	it('replaces a lost device at the purchase price, or a year of lease for a leased model', () => {
		expect(modelCostPerStudentYear({ ...base, losses: 2 })).toMatchObject({ lossesPerYear: 72, lossRate: 2, perStudentYear: 1272 });
		const leased = modelCostPerStudentYear({ ...base, purchasePrice: null, leasePerMonth: 100, losses: 5 })!;
		expect([leased.capitalPerYear, leased.lossesPerYear, leased.perStudentYear]).toEqual([1200, 60, 1260]);
	});

	it('weighs the repairs and losses of a cheap model against the price of a dear one', () => {
		const cheap = modelCostPerStudentYear({
			...base,
			purchasePrice: 2990,
			repairs: Array.from({ length: 40 }, () => ({ cost: 1400, lifeYear: 2 }))
		})!;
		const dear = modelCostPerStudentYear({ ...base, purchasePrice: 7490, expectedLifeMonths: 48, repairs: [{ cost: 900, lifeYear: 2 }] })!;
		expect([cheap.perStudentYear, dear.perStudentYear]).toEqual([1557, 1882]);
		const cheapLosing = modelCostPerStudentYear({
			...base,
			purchasePrice: 2990,
			expectedLifeMonths: 24,
			repairs: Array.from({ length: 60 }, () => ({ cost: 1400, lifeYear: 2 })),
			losses: 4
		})!;
		expect(cheapLosing.perStudentYear).toBeGreaterThan(dear.perStudentYear);
	});

	it('counts days without a device per device-year, and has nothing to say without history', () => {
		expect(modelCostPerStudentYear({ ...base, daysWithout: 250 })!.daysWithoutPerYear).toBe(2.5);
		expect(modelCostPerStudentYear({ ...base, deviceYears: 0.05 })).toBeNull();
	});
});

describe('rent or buy', () => {
	const plan = {
		devices: 100,
		months: 36,
		purchasePrice: 6000,
		leasePerMonth: 190,
		repairsPerYear: 300,
		residualValue: 600,
		leaseIncludesRepairs: false
	};

	it('buys: purchase plus repairs less the residual value; rents: the lease plus repairs', () => {
		// Buy: 6000 + 900 - 600 = 6300 a device; rent: 190 × 36 + 900 = 7740 a device.
		expect(compareRentOrBuy(plan)).toEqual({
			buy: 630_000,
			rent: 774_000,
			buyPerDeviceYear: 2100,
			rentPerDeviceYear: 2580,
			difference: 144_000,
			cheaper: 'buy'
		});
	});

	it('leaves the repairs out of renting when the lease covers them', () => {
		expect(compareRentOrBuy({ ...plan, leaseIncludesRepairs: true, leasePerMonth: 160 })).toMatchObject({ rent: 576_000, cheaper: 'rent' });
	});

	it('calls equal totals the same', () => {
		expect(compareRentOrBuy({ ...plan, purchasePrice: 6000, residualValue: 0, repairsPerYear: 0, leasePerMonth: 6000 / 36 }).cheaper).toBe(
			'same'
		);
	});
});

describe('the planning indicators from the same arithmetic', () => {
	it('divides the repair costs by the years of use, and has nothing to say under a tenth of a device-year', () => {
		// 12 000 kr of repairs over 40 device-years: 300 kr per student-year.
		expect(repairCostPerDeviceYear(12_000, 40)).toBe(300);
		expect(repairCostPerDeviceYear(500, 0.05)).toBeNull();
		// The cost page's repairs column is the same figure, rounded.
		const cost = modelCostPerStudentYear({
			purchasePrice: 6000,
			leasePerMonth: null,
			expectedLifeMonths: 48,
			deviceYears: 40,
			repairs: [{ cost: 12_000, lifeYear: 1 }],
			losses: 0,
			daysWithout: 0
		});
		expect(cost?.repairsPerYear).toBe(300);
	});

	it('counts devices per student only where students are counted', () => {
		expect(devicesPerStudent(450, 500)).toBe(0.9);
		expect(devicesPerStudent(450, null)).toBeNull();
		expect(devicesPerStudent(10, 0)).toBeNull();
	});
});
