import { sql } from 'drizzle-orm';
import type { Actor } from '../../policies';

/**
 * The organizers this session may not act in (decision 050 addendum): those the person belongs to that switched
 * password sign-in off, when the session was not started through one of that organizer's own identity providers.
 * A person of two organizers who signed in with a password (allowed by the first) or through the first one's
 * provider does not reach the second one's data with that session; they sign in again through the second's provider.
 * A JSON column for the request hook's query (it selects from `sessions` and `people` under those names).
 */
export function barredOrganizersColumn() {
	return sql<string[] | string>`coalesce((
		SELECT json_agg(o.id)
		FROM memberships mm JOIN organizers o ON o.id = mm.organizer_id
		WHERE mm.person_id = people.id
			AND o.settings->'signIn'->>'passwordAllowed' = 'false'
			AND NOT EXISTS (
				SELECT 1 FROM identity_providers ip
				WHERE ip.organizer_id = o.id AND sessions.method IN ('oidc:' || ip.id::text, 'saml:' || ip.id::text)
			)
	), '[]'::json)`;
}

/**
 * The actor without their roles in `barred` organizers, nor the organizers their support teams serve among them. A
 * system administrator keeps everything: they are the way back in when a provider fails.
 */
export function withoutBarredOrganizers(actor: Actor, barred: string[]): Actor {
	if (barred.length === 0 || actor.assignments.some((a) => a.role === 'system_admin' && a.organizerId === null)) return actor;
	const out = new Set(barred);
	return {
		...actor,
		assignments: actor.assignments.filter((a) => a.organizerId === null || !out.has(a.organizerId)),
		servedOrganizerIds: actor.servedOrganizerIds?.filter((id) => !out.has(id))
	};
}
