import { planDemoUnits, type DemoUnitPlan } from './demo-units';
import { planDemoPeople, type DemoPersonPlan } from './plan-demo-people';
import { createRandom } from './random';

/** The seed `npm run demo` uses. Change it and every name and code changes. */
export const DEFAULT_DEMO_SEED = 20261123;

export const DEMO_SLUG = 'exempelkommun';

/** The demo organizer itself: invented, but shaped like a real municipality. */
export const DEMO_ORGANIZER = {
	slug: DEMO_SLUG,
	name: 'Exempelkommun',
	kind: 'kommun',
	/** Municipalities' numbers start 212000-; 9994 is invented and passes the Luhn check. */
	orgNumber: '212000-9994',
	/** No real kommun has code 0199 (Stockholm county's codes end at 0192). */
	municipalityCode: '0199'
} as const;

export type DemoPlan = { units: DemoUnitPlan[]; people: DemoPersonPlan[] };

/** Everything the demo will insert, as plain data. Pure: the same seed gives the same plan. */
export function planDemo(seed = DEFAULT_DEMO_SEED, takenCodes: ReadonlySet<string> = new Set()): DemoPlan {
	const random = createRandom(seed);
	const units = planDemoUnits(random, takenCodes);
	const people = planDemoPeople(random, units);
	return { units, people };
}
