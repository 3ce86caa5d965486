import { redirect } from '@sveltejs/kit';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { deliverOutboxLater } from '$lib/server/mail/deliver-outbox-later';
import { getSession } from '$lib/server/knowledge/guidance/get-session';
import { presentSession } from '$lib/server/knowledge/guidance/present-session';
import { findVisibleCase } from '$lib/server/knowledge/guidance/find-visible-case';
import { bookSession } from '$lib/server/knowledge/guidance/book-session';
import { cancelBooking } from '$lib/server/knowledge/guidance/cancel-booking';
import { cancelSession } from '$lib/server/knowledge/guidance/cancel-session';
import { giveFeedback } from '$lib/server/knowledge/guidance/give-feedback';
import type { Actor } from '$lib/server/policies';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DONE = ['publicerad', 'bokad', 'tack'] as const;

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'guidance.book');
	const db = event.locals.db;
	const details = await getSession(db, { actor, organizerId: organizer.id, sessionId: event.params.id }).catch(throwHttp);
	const fromCase = details.can.book
		? await findVisibleCase(db, { actor, organizerId: organizer.id, number: event.url.searchParams.get('arende') })
		: null;
	return {
		...presentSession(details),
		fromCase: fromCase ? { number: fromCase.number, title: fromCase.title } : null,
		done: DONE.find((d) => event.url.searchParams.has(d)) ?? null
	};
};

/** One step on the session: runs it, sends any mail it queued, and comes back with `done` in the address. */
async function step(
	event: RequestEvent,
	form: string,
	run: (ctx: { data: Record<string, string>; actor: Actor; organizerId: string }) => Promise<unknown>,
	to: (slug: string) => string
) {
	const { actor, organizer } = await requireKnowledge(event, 'guidance.book');
	const data = formValues(await event.request.formData());
	return runAction(
		async () => {
			await run({ data, actor, organizerId: organizer.id });
			deliverOutboxLater(event.locals.db);
			redirect(303, to(organizer.slug));
		},
		{ values: { ...data, form } }
	);
}

export const actions: Actions = {
	book: async (event) =>
		step(
			event,
			'book',
			({ data, actor, organizerId }) =>
				bookSession(event.locals.db, {
					actor,
					organizerId,
					sessionId: event.params.id,
					input: { note: data.note },
					caseNumber: data.arende
				}),
			(slug) => `/${slug}/handledning/${event.params.id}?bokad`
		),
	unbook: async (event) =>
		step(
			event,
			'unbook',
			({ actor, organizerId }) => cancelBooking(event.locals.db, { actor, organizerId, sessionId: event.params.id }),
			(slug) => `/${slug}/handledning?avbokad`
		),
	cancelSession: async (event) =>
		step(
			event,
			'cancelSession',
			({ actor, organizerId }) => cancelSession(event.locals.db, { actor, organizerId, sessionId: event.params.id }),
			(slug) => `/${slug}/handledning?installd`
		),
	feedback: async (event) =>
		step(
			event,
			'feedback',
			({ data, actor, organizerId }) =>
				giveFeedback(event.locals.db, {
					actor,
					organizerId,
					sessionId: event.params.id,
					input: { score: data.score, comment: data.comment }
				}),
			(slug) => `/${slug}/handledning/${event.params.id}?tack#feedback`
		)
};
