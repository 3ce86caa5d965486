import { error, type RequestEvent } from '@sveltejs/kit';
import { can, type Actor, type AppsAction } from '../policies';
import { requireOrganizer } from './require-organizer';

type Organizer = Awaited<ReturnType<typeof requireOrganizer>>['organizer'];

/**
 * The organizer named in the URL, for an actor who may take a register action there (apps.whitelist, apps.register,
 * apps.manage). As requireKnowledge: a member without the right gets 403; someone who is no member gets 404.
 */
export async function requireApps(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'> & { request?: Request },
	action: AppsAction
): Promise<{ actor: Actor; organizer: Organizer }> {
	const { actor, organizer } = await requireOrganizer(event);
	if (!can(actor, action, { type: 'apps', organizerId: organizer.id }))
		error(can(actor, 'organizer.member', { type: 'organizer', organizerId: organizer.id }) ? 403 : 404);
	return { actor, organizer };
}
