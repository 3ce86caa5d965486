import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { deliverOutboxLater } from '$lib/server/mail/deliver-outbox-later';
import { acceptAnswer } from '$lib/server/knowledge/questions/accept-answer';
import { answerQuestion } from '$lib/server/knowledge/questions/answer-question';
import { getQuestion } from '$lib/server/knowledge/questions/get-question';
import { makeArticleFromAnswer } from '$lib/server/knowledge/questions/make-article-from-answer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
	const question = await getQuestion(event.locals.db, {
		actor,
		organizerId: organizer.id,
		questionId: event.params.questionId,
		locale: getLocale() === 'en' ? 'en' : 'sv'
	}).catch(throwHttp);
	const p = event.url.searchParams;
	const notice = p.has('fragad')
		? 'asked'
		: p.has('besvarad')
			? 'answered'
			: p.has('markerad')
				? 'accepted'
				: p.has('artikel')
					? 'article'
					: null;
	return { question, notice };
};

export const actions: Actions = {
	answer: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
		const values = formValues(await event.request.formData());
		const questionId = event.params.questionId;
		return runAction(
			async () => {
				await answerQuestion(event.locals.db, { actor, organizerId: organizer.id, questionId, input: { body: values.body } });
				deliverOutboxLater(event.locals.db);
				redirect(303, `/${organizer.slug}/fragor/${questionId}?besvarad#svar`);
			},
			{ values, data: { action: 'answer' } }
		);
	},
	accept: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
		const values = formValues(await event.request.formData());
		const questionId = event.params.questionId;
		return runAction(
			async () => {
				await acceptAnswer(event.locals.db, { actor, organizerId: organizer.id, questionId, answerId: values.answerId ?? '' });
				redirect(303, `/${organizer.slug}/fragor/${questionId}?markerad#svar`);
			},
			{ values, data: { action: 'accept' } }
		);
	},
	makeArticle: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
		const questionId = event.params.questionId;
		return runAction(
			async () => {
				await makeArticleFromAnswer(event.locals.db, { actor, organizerId: organizer.id, questionId });
				redirect(303, `/${organizer.slug}/fragor/${questionId}?artikel`);
			},
			{ values: {}, data: { action: 'makeArticle' } }
		);
	}
};
