import { redirect } from '@sveltejs/kit';
import { inArray } from 'drizzle-orm';
import { organizers } from '$lib/server/db/schema';
import { needsSetup } from '$lib/server/org/setup-instance';
import { can } from '$lib/server/policies';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (await needsSetup(locals.db)) redirect(303, '/installera');
	if (!locals.actor) redirect(303, '/logga-in');
	// Where the person has a role, and where a support team of theirs takes cases (a supplier serving several organizers).
	const withRole = locals.actor.assignments.flatMap((a) => (a.organizerId ? [a.organizerId] : []));
	const ids = [...new Set([...withRole, ...(locals.actor.servedOrganizerIds ?? [])])];
	const orgs = ids.length
		? await locals.db.select({ slug: organizers.slug, name: organizers.name }).from(organizers).where(inArray(organizers.id, ids))
		: [];
	const isSystemAdmin = can(locals.actor, 'instance.administer', { type: 'instance' });
	if (orgs.length === 1) redirect(303, `/${orgs[0].slug}`);
	return { isSystemAdmin, organizers: orgs.sort((a, b) => a.name.localeCompare(b.name, 'sv-SE')) };
};
