import { describe, expect, it } from 'vitest';
import { comparePurchasing } from './compare-purchasing';

describe('central against unit purchasing', () => {
	it('sums seats, use and prices per way of buying, leaving out ended pools and unpriced pools from the prices', () => {
		const c = comparePurchasing([
			{ unitName: null, seats: 400, used: 109, priceSek: 48000, ended: false },
			{ unitName: 'Solbackaskolan', seats: 200, used: 12, priceSek: 40000, ended: false },
			{ unitName: 'Ängsskolan', seats: 120, used: 104, priceSek: 24000, ended: false },
			{ unitName: 'Granåsskolan', seats: 50, used: 10, priceSek: null, ended: false },
			{ unitName: 'Ekskolan', seats: 999, used: 999, priceSek: 1, ended: true }
		]);
		expect(c.central).toEqual({ pools: 1, seats: 400, used: 109, share: 109 / 400, pricePerSeat: 120, costPerActiveUser: 440 });
		expect(c.unit).toEqual({ pools: 3, seats: 370, used: 126, share: 126 / 370, pricePerSeat: 200, costPerActiveUser: 552 });
	});

	it('has nothing to say about a side without pools or prices', () => {
		expect(comparePurchasing([]).central).toEqual({
			pools: 0,
			seats: 0,
			used: 0,
			share: null,
			pricePerSeat: null,
			costPerActiveUser: null
		});
	});
});
