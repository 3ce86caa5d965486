import { can } from '$lib/server/policies';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const resource = { type: 'organizer' as const, organizerId: organizer.id };
	return {
		organizer: { slug: organizer.slug, name: organizer.name },
		/** False for a supplier here only through a team serving the organizer: they get the support pages alone. */
		isMember: can(actor, 'organizer.member', resource),
		/** Suppliers, students and guardians see nothing of planning. */
		canPlan: can(actor, 'planning.view', resource),
		/** Everyone who reads the knowledge base gets the self-help link. */
		canReadKb: can(actor, 'kb.read', { type: 'knowledge', organizerId: organizer.id }),
		/** Staff search which digital tools they may use. */
		canUseApps: can(actor, 'apps.whitelist', { type: 'apps', organizerId: organizer.id }),
		/** Principals, key people, leadership and administrators: the key people's time (decision 043). */
		canViewCapacity: can(actor, 'capacity.view', resource),
		/** Administrators, central technical support, principals and technical key people: the device register (decision 049). */
		canViewDevices: can(actor, 'devices.view', resource),
		/** Staff get the progression plan; students and guardians their year's steps (decision 053). */
		competenceLink: can(actor, 'competence.view', resource)
			? 'kompetens'
			: can(actor, 'competence.students', resource)
				? 'kompetens/elev'
				: null,
		/** Leadership, readers, administrators and principals: the follow-up; central support its surveys (issue 20). */
		followupLink: can(actor, 'followup.view', resource)
			? 'uppfoljning'
			: can(actor, 'surveys.manage', resource) || can(actor, 'surveys.results', resource)
				? 'uppfoljning/enkater'
				: null,
		canAdminister: can(actor, 'organizer.administer', resource),
		canViewAudit: can(actor, 'audit.view', resource),
		isSystemAdmin: can(actor, 'instance.administer', { type: 'instance' })
	};
};
