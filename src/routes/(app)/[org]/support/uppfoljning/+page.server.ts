import type { PageServerLoad } from './$types';
import { loadFollowup } from './load-followup';

export const load: PageServerLoad = (event) => loadFollowup(event, null);
