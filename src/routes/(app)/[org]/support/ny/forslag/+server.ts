import { error, json } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { loadFilingOptions } from '$lib/server/support/tickets/load-filing-options';
import { suggestionsFor } from '../suggestions';
import type { RequestHandler } from './$types';

/** Longest text read from the address: a title and the start of a description. */
const MAX_TEXT = 2000;

/**
 * Suggestions while filing, as JSON for the form's script: `?title=…&description=…&chain=…&categoryId=…`.
 * For members who may file somewhere at the organizer; the rest get 403.
 */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const options = await loadFilingOptions(event.locals.db, { actor, organizerId: organizer.id });
	if (options.units.length === 0) error(403);
	const p = event.url.searchParams;
	const values = {
		title: (p.get('title') ?? '').slice(0, MAX_TEXT),
		description: (p.get('description') ?? '').slice(0, MAX_TEXT),
		chain: p.get('chain') ?? '',
		// The short form of students and guardians has no category.
		categoryId: options.form === 'staff' ? (p.get('categoryId') ?? '') : ''
	};
	const shown = await suggestionsFor(event.locals.db, { actor, organizerId: organizer.id, orgSlug: organizer.slug, values }).catch(
		throwHttp
	);
	return json(shown, { headers: { 'cache-control': 'private, no-store' } });
};
