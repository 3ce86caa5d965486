import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { addInternalNote } from '$lib/server/support/handling/add-internal-note';
import { assignTicket } from '$lib/server/support/handling/assign-ticket';
import { closeTicket } from '$lib/server/support/handling/close-ticket';
import { escalateTicket } from '$lib/server/support/handling/escalate-ticket';
import { getHandlingView } from '$lib/server/support/handling/get-handling-view';
import { mergeTicket } from '$lib/server/support/handling/merge-ticket';
import { moveToChain } from '$lib/server/support/handling/move-to-chain';
import { replyToRequester } from '$lib/server/support/handling/reply-to-requester';
import { sendBack } from '$lib/server/support/handling/send-back';
import { setTicketState } from '$lib/server/support/handling/set-ticket-state';
import { solveTicket } from '$lib/server/support/handling/solve-ticket';
import { caseNumber, runStep } from './step-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	return getHandlingView(event.locals.db, { actor, organizerId: organizer.id, number: caseNumber(event.params.number) }).catch(throwHttp);
};

/** One named action per step; each form's fields are prefixed with the action's name (see step-form.ts). */
export const actions: Actions = {
	reply: (e) => runStep(e, 'reply', ['body', 'waitForRequester'], replyToRequester),
	note: (e) => runStep(e, 'note', ['body', 'audience'], addInternalNote),
	state: (e) => runStep(e, 'state', ['state', 'comment'], setTicketState),
	assign: (e) => runStep(e, 'assign', ['assigneeId'], assignTicket),
	escalate: (e) => runStep(e, 'escalate', ['teamId', 'reason'], escalateTicket, ['fromLine']),
	sendBack: (e) => runStep(e, 'sendBack', ['reason'], sendBack, ['fromLine']),
	moveChain: (e) => runStep(e, 'moveChain', ['reason'], moveToChain, ['toChain']),
	merge: (e) => runStep(e, 'merge', ['targetNumber'], mergeTicket),
	solve: (e) => runStep(e, 'solve', ['solution', 'cause', 'selfHelp'], solveTicket),
	close: (e) => runStep(e, 'close', ['reason'], closeTicket)
};
