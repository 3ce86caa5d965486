import { requireKnowledge } from '$lib/server/http/require-knowledge';
import {
	CONVERSATION_FILTERS,
	CONVERSATION_PAGE,
	findConversations,
	type ConversationFilter
} from '$lib/server/knowledge/assistant/find-conversations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'assistant.review');
	const asked = event.url.searchParams.get('visa');
	const filter: ConversationFilter = CONVERSATION_FILTERS.includes(asked as ConversationFilter) ? (asked as ConversationFilter) : 'all';
	const { conversations, more } = await findConversations(event.locals.db, { actor, organizerId: organizer.id, filter });
	return { conversations, more, filter, filters: CONVERSATION_FILTERS, pageSize: CONVERSATION_PAGE };
};
