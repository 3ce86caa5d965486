/**
 * Cost arithmetic for device models (issue 17 item 7, decision 049 cost addendum). Pure functions; amounts in whole
 * kronor, rounded at the end. The assumptions are stated where they are made and shown on the costs page.
 */

/** A model's own history, as the organizer recorded it. */
export type ModelHistory = {
	purchasePrice: number | null;
	leasePerMonth: number | null;
	expectedLifeMonths: number;
	/** Years of use summed over the model's devices: from each purchase (or registration) to today, scrapping or loss. */
	deviceYears: number;
	/**
	 * Repairs' recorded costs, each with the year of the device's life it fell in (1 = its first year). An entry may
	 * stand for `count` repairs of that year (default 1) with `cost` their sum: how the register reads them, summed in SQL.
	 */
	repairs: { cost: number; lifeYear: number; count?: number }[];
	/** Devices reported lost or stolen. */
	losses: number;
	/** Days students went without their device while it was in repair (no loaner). */
	daysWithout: number;
};

export type ModelCost = {
	/** The purchase spread over the expected life, or the lease for a year. */
	capitalPerYear: number;
	repairsPerYear: number;
	/** Losses a device-year × what a lost device costs to replace. */
	lossesPerYear: number;
	/** The total cost of ownership of one device-year: one student's use of one device for one year. */
	perStudentYear: number;
	/** Losses per 100 device-years. */
	lossRate: number;
	daysWithoutPerYear: number;
	/** Repair cost and count by year of life (index 0 = first year), as far as the history reaches. */
	repairsByLifeYear: { cost: number; count: number }[];
};

const round = (n: number) => Math.round(n);

/** Under this many device-years there is too little history to divide by. */
const MIN_DEVICE_YEARS = 0.1;

/**
 * Repair cost per student-year: the recorded repair costs over the years of use (one device in use for a year is
 * one student-year), unrounded. Null with under a tenth of a device-year. The one formula behind the cost page's
 * repairs column and the planning indicator `devices_repair_cost`.
 */
export function repairCostPerDeviceYear(repairTotal: number, deviceYears: number): number | null {
	return deviceYears < MIN_DEVICE_YEARS ? null : repairTotal / deviceYears;
}

/**
 * Devices per student: the devices in use at units whose students are counted, over those students. Null when no
 * students are counted (no sizes entered), so a missing size never reads as zero devices.
 */
export function devicesPerStudent(devicesInUse: number, students: number | null): number | null {
	return students === null || students <= 0 ? null : devicesInUse / students;
}

/**
 * Total cost of ownership per student-year from the organizer's own history. Assumptions: one device serves one
 * student for each year it is in use; a bought device is written off in a straight line over its expected life with
 * no residual value; a leased one costs twelve months of lease a year and its repairs still count (the history has
 * them); a lost or stolen device is replaced at the purchase price (for a leased model: a year of lease, the usual
 * early-termination charge). With under a tenth of a device-year of history there is nothing to divide by: null.
 */
export function modelCostPerStudentYear(h: ModelHistory): ModelCost | null {
	const repairsPerYear = repairCostPerDeviceYear(
		h.repairs.reduce((s, r) => s + r.cost, 0),
		h.deviceYears
	);
	if (repairsPerYear === null) return null;
	const years = h.expectedLifeMonths / 12;
	const capitalPerYear = h.purchasePrice !== null ? h.purchasePrice / years : (h.leasePerMonth ?? 0) * 12;
	const replacement = h.purchasePrice ?? (h.leasePerMonth ?? 0) * 12;
	const lossesPerYear = (h.losses / h.deviceYears) * replacement;
	const byYear: { cost: number; count: number }[] = [];
	for (const r of h.repairs) {
		const i = Math.max(0, r.lifeYear - 1);
		while (byYear.length <= i) byYear.push({ cost: 0, count: 0 });
		byYear[i].cost += r.cost;
		byYear[i].count += r.count ?? 1;
	}
	return {
		capitalPerYear: round(capitalPerYear),
		repairsPerYear: round(repairsPerYear),
		lossesPerYear: round(lossesPerYear),
		perStudentYear: round(capitalPerYear + repairsPerYear + lossesPerYear),
		lossRate: Math.round((h.losses / h.deviceYears) * 1000) / 10,
		daysWithoutPerYear: Math.round((h.daysWithout / h.deviceYears) * 10) / 10,
		repairsByLifeYear: byYear
	};
}

/** The editable assumptions of a planned purchase. */
export type RentOrBuy = {
	devices: number;
	months: number;
	purchasePrice: number;
	leasePerMonth: number;
	/** Repairs per device-year, from the history of a similar model unless changed. */
	repairsPerYear: number;
	/** What a bought device is worth at the end (sold on or bought back), per device. */
	residualValue: number;
	/** Whether the lease covers repairs (then they cost the organizer nothing). */
	leaseIncludesRepairs: boolean;
};

/**
 * Renting against buying for a planned purchase, over the same period and number of devices: buying costs the
 * purchase plus the repairs minus what the devices are worth at the end; renting costs the lease plus the repairs
 * unless the lease covers them. Money is not discounted over time (a few years at today's rates changes little and
 * an extra assumption would hide more than it shows). Per device and year too; `cheaper` is the lower total, or
 * 'same' within a krona.
 */
export function compareRentOrBuy(a: RentOrBuy) {
	const years = a.months / 12;
	const repairs = a.repairsPerYear * years;
	const buyPerDevice = a.purchasePrice + repairs - a.residualValue;
	const rentPerDevice = a.leasePerMonth * a.months + (a.leaseIncludesRepairs ? 0 : repairs);
	const buy = round(buyPerDevice * a.devices);
	const rent = round(rentPerDevice * a.devices);
	return {
		buy,
		rent,
		buyPerDeviceYear: years > 0 ? round(buyPerDevice / years) : 0,
		rentPerDeviceYear: years > 0 ? round(rentPerDevice / years) : 0,
		difference: Math.abs(buy - rent),
		cheaper: Math.abs(buy - rent) < 1 ? ('same' as const) : buy < rent ? ('buy' as const) : ('rent' as const)
	};
}
