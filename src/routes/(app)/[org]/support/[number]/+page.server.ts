import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { failFromError, formValues, throwHttp } from '$lib/server/http/errors';
import { getTicketTimeline } from '$lib/server/support/tickets/get-ticket-timeline';
import { presentCase, presentTimeline } from '$lib/server/support/tickets/present-timeline';
import { respondToTicket } from '$lib/server/support/tickets/respond-to-ticket';
import { rateTicket } from '$lib/server/support/tickets/rate-ticket';
import { reopenTicket } from '$lib/server/support/tickets/reopen-ticket';
import { MAX_ATTACHMENTS } from '$lib/server/support/tickets/check-attachment';
import { readUploadedFiles } from '$lib/server/support/tickets/read-uploaded-files';
import type { Actor } from '$lib/server/policies';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The case number from the URL; anything but a plain positive number is not found. */
function caseNumber(raw: string): number {
	if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) error(404);
	return Number(raw);
}

const DONE = ['anmalt', 'svarat', 'betygsatt', 'oppnat'] as const;

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const number = caseNumber(event.params.number);
	const tl = await getTicketTimeline(event.locals.db, { actor, organizerId: organizer.id, number }).catch(throwHttp);
	return {
		ticket: presentCase(tl),
		timeline: presentTimeline(tl),
		can: tl.can,
		done: DONE.find((d) => event.url.searchParams.has(d)) ?? null
	};
};

/** Runs one requester step and comes back to the case page with a confirmation, or fails with what was typed. */
type StepContext = { data: FormData; number: number; actor: Actor; organizerId: string };

async function step(event: RequestEvent, form: string, done: (typeof DONE)[number], run: (ctx: StepContext) => Promise<unknown>, fallbackField: string) {
	const { actor, organizer } = await requireOrganizer(event);
	const number = caseNumber(event.params.number);
	const data = await event.request.formData();
	const values = { ...formValues(data), form };
	try {
		await run({ data, number, actor, organizerId: organizer.id });
	} catch (e) {
		return failFromError(e, values, fallbackField);
	}
	redirect(303, `/${organizer.slug}/support/${number}?${done}`);
}

export const actions: Actions = {
	reply: (event) =>
		step(event, 'reply', 'svarat', async ({ data, number, actor, organizerId }) => {
			const attachments = await readUploadedFiles(data, 'attachments', MAX_ATTACHMENTS);
			await respondToTicket(event.locals.db, { actor, organizerId, number, input: { body: data.get('body') ?? '' }, attachments });
		}, 'body'),
	rate: (event) =>
		step(event, 'rate', 'betygsatt', async ({ data, number, actor, organizerId }) => {
			await rateTicket(event.locals.db, { actor, organizerId, number, input: { rating: data.get('rating') ?? '', comment: data.get('comment') ?? '' } });
		}, 'rating'),
	reopen: (event) =>
		step(event, 'reopen', 'oppnat', async ({ data, number, actor, organizerId }) => {
			await reopenTicket(event.locals.db, { actor, organizerId, number, input: { reason: data.get('reason') ?? '' } });
		}, 'reason')
};
