import { redirect } from '@sveltejs/kit';
import { needsSetup } from '$lib/server/org/setup-instance';
import { findOwnOrganizers } from '$lib/server/org/find-own-organizers';
import { can } from '$lib/server/policies';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (await needsSetup(locals.db)) redirect(303, '/installera');
	if (!locals.actor) redirect(303, '/logga-in');
	const orgs = await findOwnOrganizers(locals.db, locals.actor);
	const isSystemAdmin = can(locals.actor, 'instance.administer', { type: 'instance' });
	if (orgs.length === 1) redirect(303, `/${orgs[0].slug}`);
	return { isSystemAdmin, organizers: orgs };
};
