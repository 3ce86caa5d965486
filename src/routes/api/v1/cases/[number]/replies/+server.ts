import { serveOperation } from '$lib/server/integrations/api/serve-operation';
import { replyToCase } from '$lib/server/integrations/api/operations';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) => serveOperation(replyToCase, event);
