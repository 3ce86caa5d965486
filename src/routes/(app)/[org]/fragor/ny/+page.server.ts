import { redirect } from '@sveltejs/kit';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { formValues, runAction } from '$lib/server/http/errors';
import { deliverOutboxLater } from '$lib/server/mail/deliver-outbox-later';
import { CHAINS } from '$lib/server/support/constants';
import { askQuestion } from '$lib/server/knowledge/questions/ask-question';
import { similarFor } from './similar';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireKnowledge(event, 'qa.take_part');
	return { chains: CHAINS };
};

export const actions: Actions = {
	ask: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const question = await askQuestion(event.locals.db, {
					actor,
					organizerId: organizer.id,
					input: { chain: values.chain, title: values.title, body: values.body }
				});
				deliverOutboxLater(event.locals.db);
				redirect(303, `/${organizer.slug}/fragor/${question.id}?fragad`);
			},
			{ values }
		);
	},
	/** Without JavaScript: "Leta efter liknande frågor först" returns the form as typed, with the suggestions beside it. */
	similar: async (event) => {
		const { actor, organizer } = await requireKnowledge(event, 'qa.take_part');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => ({
				values,
				similar: await similarFor(event.locals.db, { actor, organizerId: organizer.id, orgSlug: organizer.slug, values })
			}),
			{ values }
		);
	}
};
