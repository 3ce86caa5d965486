import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { zodIssues } from '$lib/server/errors';
import { findModelCosts } from '$lib/server/devices/find-model-costs';
import { compareRentOrBuy } from '$lib/server/devices/device-costs';
import { rentOrBuySchema } from '$lib/server/devices/rent-or-buy-input';
import type { PageServerLoad } from './$types';

const FIELDS = ['devices', 'months', 'purchasePrice', 'leasePerMonth', 'repairsPerYear', 'residualValue', 'leaseIncludesRepairs'] as const;

/**
 * Cost per student-year of each model, and the rent-or-buy comparison: a GET form whose fields start from the chosen
 * model's prices and repair history (?modell=) and whose result shows once it is sent (?jamfor).
 */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.view');
	const models = await findModelCosts(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const p = event.url.searchParams;
	const base = models.find((m) => m.id === p.get('modell')) ?? models.find((m) => m.cost) ?? models[0];
	const defaults: Record<(typeof FIELDS)[number], string> = {
		devices: '100',
		months: String(base?.expectedLifeMonths ?? 36),
		purchasePrice: String(base?.purchasePrice ?? ''),
		leasePerMonth: String(base?.leasePerMonth ?? ''),
		repairsPerYear: String(base?.cost?.repairsPerYear ?? 0),
		residualValue: '0',
		leaseIncludesRepairs: ''
	};
	const sent = p.has('jamfor');
	const values = Object.fromEntries(FIELDS.map((f) => [f, sent ? (p.get(f) ?? '') : defaults[f]])) as Record<string, string>;
	let result = null;
	let issues: { field: string; message: string }[] = [];
	if (sent) {
		const parsed = rentOrBuySchema.safeParse(values);
		if (parsed.success) result = compareRentOrBuy(parsed.data);
		else issues = zodIssues(parsed.error.issues);
	}
	return { models, baseId: base?.id ?? '', values, result, issues };
};
