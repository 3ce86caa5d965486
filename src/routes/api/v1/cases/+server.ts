import { serveOperation } from '$lib/server/integrations/api/serve-operation';
import { createCase, listCases } from '$lib/server/integrations/api/operations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => serveOperation(listCases, event);
export const POST: RequestHandler = (event) => serveOperation(createCase, event);
