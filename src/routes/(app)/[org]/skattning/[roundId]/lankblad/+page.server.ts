import { env } from '$lib/server/env';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findLinkCards } from '$lib/server/assessment/links/find-link-cards';
import type { PageServerLoad } from './$types';

/** The printable sheet of a round's anonymous links: one card per link with the address and its QR code. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
	const asked = event.url.searchParams.get('perspektiv') ?? '';
	const sheet = await findLinkCards(event.locals.db, {
		actor,
		organizerId: organizer.id,
		roundId: event.params.roundId,
		origin: env.ORIGIN,
		perspective: asked || undefined
	}).catch(throwHttp);
	return { ...sheet, roundId: event.params.roundId, perspective: sheet.perspectives.includes(asked) ? asked : '' };
};
