/** What one way of buying licences adds up to over the pools in force. */
export type PurchasingSide = {
	pools: number;
	seats: number;
	used: number;
	/** used / seats; null without seats. */
	share: number | null;
	/** The summed price over the seats of the pools with a price; null when none has one. */
	pricePerSeat: number | null;
	/** The summed price over those who used a licence in the priced pools; null without a price or use. */
	costPerActiveUser: number | null;
};

type Pool = { unitName: string | null; seats: number; used: number; priceSek: number | null; ended: boolean };

function side(pools: Pool[]): PurchasingSide {
	const seats = pools.reduce((n, p) => n + p.seats, 0);
	const used = pools.reduce((n, p) => n + p.used, 0);
	const priced = pools.filter((p) => p.priceSek !== null);
	const price = priced.reduce((n, p) => n + p.priceSek!, 0);
	const pricedSeats = priced.reduce((n, p) => n + p.seats, 0);
	const pricedUsed = priced.reduce((n, p) => n + p.used, 0);
	return {
		pools: pools.length,
		seats,
		used,
		share: seats === 0 ? null : used / seats,
		pricePerSeat: priced.length === 0 || pricedSeats === 0 ? null : Math.round(price / pricedSeats),
		costPerActiveUser: priced.length === 0 || pricedUsed === 0 ? null : Math.round(price / pricedUsed)
	};
}

/**
 * Central against unit purchasing (issue 18 item 5): the pools in force bought centrally (no unit) beside those bought
 * by a unit, each side's seats, use, price per seat and cost per active user — the figures the licence table shows per
 * pool, summed, so "central licences are cheaper" can be checked against the organizer's own prices and use.
 */
export function comparePurchasing(pools: Pool[]): { central: PurchasingSide; unit: PurchasingSide } {
	const inForce = pools.filter((p) => !p.ended);
	return { central: side(inForce.filter((p) => p.unitName === null)), unit: side(inForce.filter((p) => p.unitName !== null)) };
}
