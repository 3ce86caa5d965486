import { throwHttp } from '$lib/server/http/errors';
import { getPublicArticle } from '$lib/server/knowledge/public/find-public-articles';
import type { PageServerLoad } from './$types';

/** Signed out: one public article of an organizer that allows them; 404 for anything else (draft, not public, unknown). */
export const load: PageServerLoad = async ({ locals, params }) =>
	getPublicArticle(locals.db, { orgSlug: params.org, slug: params.slug }).catch(throwHttp);
