import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { renderedOnServer } from '$lib/server-rendered';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { isAppError } from '$lib/server/errors';
import { can } from '$lib/server/policies';
import { findQueue } from '$lib/server/support/queues/find-queue';
import { defaultQueueView } from '$lib/server/support/queues/queue-options';
import { parseQueueParams, queueQuery, QUEUE_VIEWS, SLA_FILTERS } from '$lib/server/support/queues/queue-params';
import { QUEUE_SORTS } from '$lib/server/support/queues/queue-cursor';
import { presentQueueRow } from '$lib/server/support/queues/present-queue-row';
import { assignTicketsToMe } from '$lib/server/support/queues/assign-tickets-to-me';
import { closeSolvedTickets } from '$lib/server/support/queues/close-solved-tickets';
import type { SkipReason } from '$lib/server/support/queues/bulk-tickets';
import {
	assignTicketsTo,
	escalateTickets,
	mergeTicketsInto,
	setTicketsCategory,
	setTicketsState,
	type BulkOutcome
} from '$lib/server/support/queues/bulk-steps';
import { SETTABLE_STATES } from '$lib/server/support/handling/rules';
import { CHAINS, STATES } from '$lib/server/support/constants';
import type { Actions, PageServerLoad } from './$types';

/**
 * The queue is links and plain forms: it needs no JavaScript in the browser, so none is sent. The page is
 * smaller and cheaper to serve (decision 013); links from it load the next page in full, as without JS.
 */
export const csr = false;

/** The signed-in actor and organizer, refused unless they have a support queue here. */
async function queueContext(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const { actor, organizer } = await requireOrganizer(event);
	if (!can(actor, 'support.queue', { type: 'support', organizerId: organizer.id, unitId: null, ancestorIds: [] })) error(403);
	return { actor, organizer, db: event.locals.db };
}

export const load: PageServerLoad = async (event) => {
	const { actor, organizer, db } = await queueContext(event);
	const params = parseQueueParams(event.url.searchParams);
	const view = params.view ?? defaultQueueView(actor, organizer.id);
	const opts = { actor, organizerId: organizer.id };
	try {
		const page = await findQueue(db, {
			...opts,
			view,
			filters: params.filters,
			sort: params.sort,
			after: params.after,
			withFilterOptions: true,
			withBulkOptions: true
		});
		const base = `/${organizer.slug}/support/ko`;
		const f = params.filters;
		const queue = {
			view,
			sort: params.sort,
			filters: { ...f, line: f.line ? String(f.line) : undefined },
			filtered: Object.values(f).some((v) => v !== undefined),
			rows: page.tickets.map(presentQueueRow),
			isFirstPage: page.isFirstPage,
			nextHref: page.nextCursor ? `${base}?${queueQuery(view, params.sort, f, page.nextCursor)}` : null,
			firstHref: `${base}?${queueQuery(view, params.sort, f)}`,
			tabs: QUEUE_VIEWS.map((v) => ({ view: v, href: `${base}?${queueQuery(v, params.sort, f)}` })),
			clearHref: `${base}?${queueQuery(view, params.sort, {})}`,
			/** The same queue without its filed-date period (the chip's cross). */
			periodClearHref: `${base}?${queueQuery(view, params.sort, { ...f, from: undefined, to: undefined })}`,
			/** Dates as typed, and what was wrong with them (said beside the field; the period is then not applied). */
			typed: params.typed,
			dateIssues: params.issues,
			/** Query string the bulk form posts to, so the same page comes back after the step. */
			postQuery: queueQuery(view, params.sort, f, params.after),
			options: { ...page.options!, states: STATES, chains: CHAINS, sla: SLA_FILTERS, sorts: QUEUE_SORTS, views: QUEUE_VIEWS }
		};
		const bulkOptions = page.bulkOptions ? { ...page.bulkOptions, states: SETTABLE_STATES } : null;
		// For the HTML only, not serialized into it (no browser app starts here); plain for a data request.
		return { queue: renderedOnServer(event.isDataRequest, queue), bulkOptions: renderedOnServer(event.isDataRequest, bulkOptions) };
	} catch (e) {
		throwHttp(e);
	}
};

const SKIP_MESSAGES: Record<SkipReason, string> = {
	not_found: 'queues_skip_not_found',
	not_allowed: 'queues_skip_not_allowed',
	unchanged: 'queues_skip_unchanged',
	wrong_state: 'queues_skip_finished'
};

type Intent = 'assign' | 'close' | 'assignTo' | 'state' | 'category' | 'escalate' | 'merge';

/** One bulk step on the ticked cases; reports what was done and what was skipped and why (a message key per case). */
async function bulk(event: RequestEvent, intent: Intent) {
	const { actor, organizer, db } = await queueContext(event);
	const data = await event.request.formData();
	const numbers = data.getAll('numbers').map(String);
	const field = (name: string) => String(data.get(name) ?? '');
	const opts = { actor, organizerId: organizer.id };
	const values = {
		assigneeId: field('assigneeId'),
		state: field('state'),
		categoryId: field('categoryId'),
		teamId: field('teamId'),
		reason: field('reason'),
		targetNumber: field('targetNumber')
	};
	try {
		let result: BulkOutcome;
		if (intent === 'assign' || intent === 'close') {
			const r = await (intent === 'assign' ? assignTicketsToMe : closeSolvedTickets)(db, { ...opts, input: { numbers } });
			const wrong = intent === 'close' ? 'queues_skip_not_solved' : SKIP_MESSAGES.wrong_state;
			result = {
				done: r.done,
				skipped: r.skipped.map((s) => ({ number: s.number, message: s.reason === 'wrong_state' ? wrong : SKIP_MESSAGES[s.reason] }))
			};
		} else if (intent === 'assignTo') result = await assignTicketsTo(db, { ...opts, input: { numbers, assigneeId: values.assigneeId } });
		else if (intent === 'state') result = await setTicketsState(db, { ...opts, input: { numbers, state: values.state } });
		else if (intent === 'category') result = await setTicketsCategory(db, { ...opts, input: { numbers, categoryId: values.categoryId } });
		else if (intent === 'escalate') {
			const lines = Object.fromEntries(numbers.map((n) => [n, field(`line-${n}`)]));
			result = await escalateTickets(db, { ...opts, input: { numbers, teamId: values.teamId, reason: values.reason, lines } });
		} else result = await mergeTicketsInto(db, { ...opts, input: { numbers, targetNumber: values.targetNumber } });
		return { bulk: { intent, target: intent === 'merge' ? values.targetNumber : '', ...result } };
	} catch (e) {
		if (isAppError(e) && e.code === 'INVALID') return fail(400, { intent, issues: e.issues, values });
		throwHttp(e);
	}
}

export const actions: Actions = {
	assign: (event) => bulk(event, 'assign'),
	close: (event) => bulk(event, 'close'),
	assignTo: (event) => bulk(event, 'assignTo'),
	state: (event) => bulk(event, 'state'),
	category: (event) => bulk(event, 'category'),
	escalate: (event) => bulk(event, 'escalate'),
	merge: (event) => bulk(event, 'merge')
};
