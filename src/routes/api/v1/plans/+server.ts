import { serveOperation } from '$lib/server/integrations/api/serve-operation';
import { listPlans } from '$lib/server/integrations/api/operations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => serveOperation(listPlans, event);
