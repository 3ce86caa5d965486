import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { AnswerPaths } from '$lib/server/http/answer-pages';
import type { Respondent } from '$lib/server/assessment/answering/respondent';
import { PERSPECTIVE_SLUGS, perspectiveOfSlug } from '$lib/server/assessment/answering/present-answering';
import { requireOrganizer } from '$lib/server/http/require-organizer';

/** The start page of a signed-in respondent for a round and unit. */
export const startPath = (org: string, roundId: string, unitId: string) => `/${org}/skattning/${roundId}/svara/${unitId}`;

/** The pages of one perspective's response. */
export const perspectivePaths = (org: string, roundId: string, unitId: string, perspective: string): AnswerPaths => {
	const start = startPath(org, roundId, unitId);
	const page = `${start}/${PERSPECTIVE_SLUGS[perspective]}`;
	return { start, page, review: `${page}/granska` };
};

/** The signed-in person answering as themselves from the perspective in the URL (unknown slug → 404). */
export async function personRespondent(event: RequestEvent): Promise<{ respondent: Respondent; paths: AnswerPaths }> {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	const { roundId, unitId, perspective: slug } = event.params as Record<string, string>;
	const perspective = perspectiveOfSlug(slug ?? '');
	if (!perspective) error(404);
	if (!actor) redirect(303, '/logga-in');
	return {
		respondent: { kind: 'person', actor, organizerId: organizer.id, roundId, unitId, perspective },
		paths: perspectivePaths(organizer.slug, roundId, unitId, perspective)
	};
}
