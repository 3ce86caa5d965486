import { serveOperation } from '$lib/server/integrations/api/serve-operation';
import { getRoundResults } from '$lib/server/integrations/api/operations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => serveOperation(getRoundResults, event);
