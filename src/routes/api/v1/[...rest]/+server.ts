import { problem } from '$lib/server/integrations/api/problem';
import type { RequestHandler } from './$types';

/** Any other address under /api/v1 answers as the API does, not with an HTML page. */
export const fallback: RequestHandler = () => problem(404, 'Det finns ingen sådan operation i API:t. Se /api/v1/openapi.json.');
