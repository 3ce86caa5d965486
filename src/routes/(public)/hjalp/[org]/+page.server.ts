import { throwHttp } from '$lib/server/http/errors';
import { findPublicArticles } from '$lib/server/knowledge/public/find-public-articles';
import type { PageServerLoad } from './$types';

/** Signed out: the organizer's public articles, when it allows them; 404 otherwise. */
export const load: PageServerLoad = async ({ locals, params }) => findPublicArticles(locals.db, { orgSlug: params.org }).catch(throwHttp);
