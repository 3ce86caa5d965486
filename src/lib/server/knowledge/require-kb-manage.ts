import { error, type RequestEvent } from '@sveltejs/kit';
import { requireOrganizer } from '../http/require-organizer';
import { can } from '../policies';

/** The organizer of the URL for someone who manages its knowledge base (kb.manage); other members get 403. */
export async function requireKbManage(event: Pick<RequestEvent, 'locals' | 'params' | 'url'> & { request?: Request }) {
	const found = await requireOrganizer(event, 'organizer.view');
	if (!can(found.actor, 'kb.manage', { type: 'knowledge', organizerId: found.organizer.id })) error(403);
	return found;
}
