import { serviceProviderMetadata } from '$lib/server/auth/sso/saml/sp-metadata';
import { env } from '$lib/server/env';
import type { RequestHandler } from './$types';

/** The installation's SAML service-provider metadata (decision 054): public, for federations and IdP administrators. */
export const GET: RequestHandler = async ({ locals }) =>
	new Response(await serviceProviderMetadata(locals.db, env.ORIGIN), {
		headers: { 'content-type': 'application/samlmetadata+xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
