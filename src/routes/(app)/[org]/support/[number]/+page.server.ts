import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getCasePage } from '$lib/server/support/casepage/get-case-page';
import { chaseCurrentLine } from '$lib/server/support/casepage/chase-current-line';
import { respondToTicket } from '$lib/server/support/tickets/respond-to-ticket';
import { rateTicket } from '$lib/server/support/tickets/rate-ticket';
import { reopenTicket } from '$lib/server/support/tickets/reopen-ticket';
import { MAX_ATTACHMENTS } from '$lib/server/support/tickets/check-attachment';
import { readUploadedFiles } from '$lib/server/support/tickets/read-uploaded-files';
import { addInternalNote } from '$lib/server/support/handling/add-internal-note';
import { assignTicket } from '$lib/server/support/handling/assign-ticket';
import { closeTicket } from '$lib/server/support/handling/close-ticket';
import { escalateTicket } from '$lib/server/support/handling/escalate-ticket';
import { mergeTicket } from '$lib/server/support/handling/merge-ticket';
import { moveToChain } from '$lib/server/support/handling/move-to-chain';
import { replyToRequester } from '$lib/server/support/handling/reply-to-requester';
import { sendBack } from '$lib/server/support/handling/send-back';
import { setTicketState } from '$lib/server/support/handling/set-ticket-state';
import { solveTicket } from '$lib/server/support/handling/solve-ticket';
import { can, type Actor } from '$lib/server/policies';
import { getCaseAppRequest } from '$lib/server/apps/requests/get-case-app-request';
import { caseNumber, runStep } from './step-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DONE = ['anmalt', 'svarat', 'betygsatt', 'oppnat'] as const;

/** One page for every viewer of a case (decision 027): what each may do is decided by the policies. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const number = caseNumber(event.params.number);
	const page = await getCasePage(event.locals.db, { actor, organizerId: organizer.id, number }).catch(throwHttp);
	return {
		...page,
		/** A request for a new digital tool (decision 047): its due date, and the review for the 2nd line. */
		appRequest: await getCaseAppRequest(event.locals.db, { actor, organizerId: organizer.id, number }),
		done: DONE.find((d) => event.url.searchParams.has(d)) ?? null,
		/** The requester may book guidance instead of waiting (issue 15). */
		canBookGuidance: can(actor, 'guidance.book', { type: 'knowledge', organizerId: organizer.id })
	};
};

/** Runs one requester step and comes back to the case page with a confirmation, or fails with what was typed. */
type StepContext = { data: FormData; number: number; actor: Actor; organizerId: string };

async function step(
	event: RequestEvent,
	form: string,
	done: (typeof DONE)[number],
	run: (ctx: StepContext) => Promise<unknown>,
	fallbackField: string
) {
	const { actor, organizer } = await requireOrganizer(event);
	const number = caseNumber(event.params.number);
	const data = await event.request.formData();
	const values = { ...formValues(data), form };
	return runAction(
		async () => {
			await run({ data, number, actor, organizerId: organizer.id });
			redirect(303, `/${organizer.slug}/support/${number}?${done}`);
		},
		{ values, field: fallbackField }
	);
}

/**
 * The requester's steps (reply, rate, reopen) take plain field names; the lines' steps are named forms whose
 * fields carry the step's name (see step-form.ts). The handler's reply is `answer`, so it never meets the
 * requester's `reply`.
 */
export const actions: Actions = {
	reply: (event) =>
		step(
			event,
			'reply',
			'svarat',
			async ({ data, number, actor, organizerId }) => {
				const attachments = await readUploadedFiles(data, 'attachments', MAX_ATTACHMENTS);
				await respondToTicket(event.locals.db, { actor, organizerId, number, input: { body: data.get('body') ?? '' }, attachments });
			},
			'body'
		),
	rate: (event) =>
		step(
			event,
			'rate',
			'betygsatt',
			async ({ data, number, actor, organizerId }) => {
				await rateTicket(event.locals.db, {
					actor,
					organizerId,
					number,
					input: { rating: data.get('rating') ?? '', comment: data.get('comment') ?? '' }
				});
			},
			'rating'
		),
	reopen: (event) =>
		step(
			event,
			'reopen',
			'oppnat',
			async ({ data, number, actor, organizerId }) => {
				await reopenTicket(event.locals.db, { actor, organizerId, number, input: { reason: data.get('reason') ?? '' } });
			},
			'reason'
		),
	answer: (e) => runStep(e, 'answer', ['body', 'waitForRequester', 'minutes'], replyToRequester),
	note: (e) => runStep(e, 'note', ['body', 'audience', 'minutes'], addInternalNote),
	chase: (e) => runStep(e, 'chase', ['body'], chaseCurrentLine),
	state: (e) => runStep(e, 'state', ['state', 'comment'], setTicketState),
	assign: (e) => runStep(e, 'assign', ['assigneeId'], assignTicket),
	escalate: (e) => runStep(e, 'escalate', ['teamId', 'reason'], escalateTicket, ['fromLine']),
	sendBack: (e) => runStep(e, 'sendBack', ['reason'], sendBack, ['fromLine']),
	moveChain: (e) => runStep(e, 'moveChain', ['reason'], moveToChain, ['toChain']),
	merge: (e) => runStep(e, 'merge', ['targetNumber'], mergeTicket),
	solve: (e) => runStep(e, 'solve', ['solution', 'cause', 'selfHelp', 'minutes'], solveTicket),
	close: (e) => runStep(e, 'close', ['reason'], closeTicket)
};
