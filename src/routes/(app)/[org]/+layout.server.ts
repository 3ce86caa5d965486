import { can } from '$lib/server/policies';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const resource = { type: 'organizer' as const, organizerId: organizer.id };
	return {
		organizer: { slug: organizer.slug, name: organizer.name },
		canAdminister: can(actor, 'organizer.administer', resource),
		canViewAudit: can(actor, 'audit.view', resource),
		isSystemAdmin: can(actor, 'instance.administer', { type: 'instance' })
	};
};
