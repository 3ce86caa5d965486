import { serveOperation } from '$lib/server/integrations/api/serve-operation';
import { getPerson } from '$lib/server/integrations/api/operations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => serveOperation(getPerson, event);
