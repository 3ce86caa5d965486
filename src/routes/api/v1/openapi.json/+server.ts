import { env } from '$lib/server/env';
import { buildOpenApiDocument } from '$lib/server/integrations/api/openapi';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 document, public like any API reference (it names no data). */
export const GET: RequestHandler = () =>
	new Response(JSON.stringify(buildOpenApiDocument(env.ORIGIN), null, 2), {
		headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }
	});
