import { isOrgAdmin, rolesAt, type Actor } from './actor';

/**
 * The organizer's connections to other systems (issue 16, decision 052). All ask about the organizer as a whole.
 * api.personal_tokens: make and revoke one's own API tokens at the organizer (anyone with a role there; the token
 * never carries more than the person's own rights) · api.organizer_tokens: the organizer's tokens (administrators) ·
 * webhooks.manage: the organizer's webhook subscriptions (administrators).
 */
export type IntegrationsAction = 'api.personal_tokens' | 'api.organizer_tokens' | 'webhooks.manage';

const ACTIONS: readonly string[] = ['api.personal_tokens', 'api.organizer_tokens', 'webhooks.manage'];

export const isIntegrationsAction = (action: string): action is IntegrationsAction => ACTIONS.includes(action);

/** Rules for API tokens and webhooks. Called by `can` in index.ts. */
export function canIntegrations(actor: Actor, action: IntegrationsAction, organizerId: string): boolean {
	switch (action) {
		case 'api.personal_tokens':
			return rolesAt(actor, organizerId).length > 0;
		case 'api.organizer_tokens':
		case 'webhooks.manage':
			return isOrgAdmin(actor, organizerId);
	}
}
