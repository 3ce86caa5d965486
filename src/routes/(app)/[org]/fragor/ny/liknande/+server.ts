import { json } from '@sveltejs/kit';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { throwHttp } from '$lib/server/http/errors';
import { similarFor } from '../similar';
import type { RequestHandler } from './$types';

/** Longest text read from the address: a question and the start of its details. */
const MAX_TEXT = 2000;

/** Similar questions and articles while asking, as JSON for the form's script: `?title=…&body=…&chain=…`. */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
	const p = event.url.searchParams;
	const values = {
		title: (p.get('title') ?? '').slice(0, MAX_TEXT),
		body: (p.get('body') ?? '').slice(0, MAX_TEXT),
		chain: p.get('chain') ?? ''
	};
	const shown = await similarFor(event.locals.db, { actor, organizerId: organizer.id, orgSlug: organizer.slug, values }).catch(throwHttp);
	return json(shown, { headers: { 'cache-control': 'private, no-store' } });
};
