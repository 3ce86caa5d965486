import { error, type RequestEvent } from '@sveltejs/kit';
import { can, type Actor, type KnowledgeAction } from '../policies';
import { requireOrganizer } from './require-organizer';

type Organizer = Awaited<ReturnType<typeof requireOrganizer>>['organizer'];

/**
 * The organizer named in the URL, for an actor who may take a knowledge-base action there (kb.read, kb.write …).
 * As requireOrganizer: a member without the right gets 403; someone reaching the organizer only through a supplier
 * team gets 404, so nothing about its knowledge base is revealed.
 */
export async function requireKnowledge(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'> & { request?: Request },
	action: KnowledgeAction
): Promise<{ actor: Actor; organizer: Organizer }> {
	const { actor, organizer } = await requireOrganizer(event);
	if (!can(actor, action, { type: 'knowledge', organizerId: organizer.id }))
		error(can(actor, 'organizer.member', { type: 'organizer', organizerId: organizer.id }) ? 403 : 404);
	return { actor, organizer };
}
