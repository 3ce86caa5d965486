import { serveOperation } from '$lib/server/integrations/api/serve-operation';
import { listPeople } from '$lib/server/integrations/api/operations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => serveOperation(listPeople, event);
