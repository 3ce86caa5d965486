import { redirect } from '@sveltejs/kit';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { invalid } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { can } from '$lib/server/policies';
import { askAssistant } from '$lib/server/knowledge/assistant/ask-assistant';
import { getConversation } from '$lib/server/knowledge/assistant/get-conversation';
import { markTurnHelpful } from '$lib/server/knowledge/assistant/mark-turn-helpful';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'assistant.use');
	// ?samtal=<id> keeps the thread without JavaScript. Junk is shrugged off; someone else's conversation is 404.
	const id = event.url.searchParams.get('samtal');
	const conversation = isUuid(id)
		? await getConversation(event.locals.db, { actor, organizerId: organizer.id, conversationId: id }).catch(throwHttp)
		: null;
	return {
		conversation,
		thanked: event.url.searchParams.has('tack'),
		canReview: can(actor, 'assistant.review', { type: 'knowledge', organizerId: organizer.id })
	};
};

export const actions: Actions = {
	ask: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'assistant.use');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const { conversationId, turn } = await askAssistant(event.locals.db, {
					actor,
					organizerId: organizer.id,
					question: values.question ?? '',
					conversationId: values.samtal || null
				});
				redirect(303, `/${organizer.slug}/assistent?samtal=${conversationId}#svar-${turn.id}`);
			},
			{ values, field: 'question' }
		);
	},
	helpful: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'assistant.use');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				if (values.helpful !== 'ja' && values.helpful !== 'nej') throw invalid('helpful', 'assistant_error_helpful');
				await markTurnHelpful(event.locals.db, {
					actor,
					organizerId: organizer.id,
					conversationId: values.samtal ?? '',
					turnId: values.turn ?? '',
					helpful: values.helpful === 'ja'
				});
				redirect(303, `/${organizer.slug}/assistent?samtal=${values.samtal}&tack#svar-${values.turn}`);
			},
			{ values, field: 'helpful' }
		);
	}
};
