import { env } from '$lib/server/env';
import { apiDocsView } from '$lib/server/integrations/api/docs-view';
import type { PageServerLoad } from './$types';

/** The API reference, open to anyone like the OpenAPI document it is made from (it names no data). */
export const load: PageServerLoad = () => apiDocsView(env.ORIGIN);
