import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { CHAINS, URGENCIES } from '$lib/server/support/constants';
import { findSlaTargets } from '$lib/server/support/config/find-sla-targets';
import { saveSlaTargets } from '$lib/server/support/config/save-sla-targets';
import { formatDuration, SLA_KINDS, slaField } from '$lib/server/support/config/sla-duration';
import { doneFrom, supportAdminContext } from '../support-admin';
import type { Actions, PageServerLoad } from './$types';
import { runAction } from '$lib/server/http/errors';

export const load: PageServerLoad = async (event) => {
	const { db, opts } = await supportAdminContext(event);
	const { targets, dayMinutes, settings } = await findSlaTargets(db, opts);
	const locale = getLocale() === 'en' ? 'en' : 'sv';
	// The table as text, as it would be typed: "3 d", "4 t".
	const values: Record<string, string> = {};
	for (const chain of CHAINS)
		for (const urgency of URGENCIES)
			for (const kind of SLA_KINDS)
				values[slaField(chain, urgency, kind)] = formatDuration(targets[`${chain}-${urgency}`]?.[kind], dayMinutes, locale);
	return {
		values,
		chains: [...CHAINS],
		urgencies: [...URGENCIES],
		kinds: [...SLA_KINDS],
		workday: { start: settings.workdayStart, end: settings.workdayEnd, hours: Math.round((dayMinutes / 60) * 100) / 100 },
		done: doneFrom(event.url, ['sparad'])
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const data = await event.request.formData();
		const input: Record<string, string> = {};
		for (const chain of CHAINS)
			for (const urgency of URGENCIES)
				for (const kind of SLA_KINDS) {
					const field = slaField(chain, urgency, kind);
					const v = data.get(field);
					input[field] = typeof v === 'string' ? v.slice(0, 50) : '';
				}
		return runAction(
			async () => {
				await saveSlaTargets(db, { ...opts, input });
				redirect(303, `${base}/sla?klart=sparad`);
			},
			{ values: input, field: 'save', data: { action: 'save' } }
		);
	}
};
