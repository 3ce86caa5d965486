import { error, fail, type RequestEvent } from '@sveltejs/kit';
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
			withFilterOptions: true
		});
		const base = `/${organizer.slug}/support/ko`;
		const f = params.filters;
		// Plain data: a link from a page with JavaScript navigates here in the browser and reads it as JSON
		// (wrapping it so it was not serialized, decision 030, broke that navigation).
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
			/** Query string the bulk form posts to, so the same page comes back after the step. */
			postQuery: queueQuery(view, params.sort, f, params.after),
			options: { ...page.options!, states: STATES, chains: CHAINS, sla: SLA_FILTERS, sorts: QUEUE_SORTS, views: QUEUE_VIEWS }
		};
		return { queue };
	} catch (e) {
		throwHttp(e);
	}
};

/** One bulk step on the ticked cases; reports what was done and what was skipped and why. */
async function bulk(event: RequestEvent, intent: 'assign' | 'close') {
	const { actor, organizer, db } = await queueContext(event);
	const data = await event.request.formData();
	const numbers = data.getAll('numbers').map(String);
	const step = intent === 'assign' ? assignTicketsToMe : closeSolvedTickets;
	try {
		const result = await step(db, { actor, organizerId: organizer.id, input: { numbers } });
		return { bulk: { intent, ...result } };
	} catch (e) {
		if (isAppError(e) && e.code === 'INVALID') return fail(400, { intent, issues: e.issues });
		throwHttp(e);
	}
}

export const actions: Actions = {
	assign: (event) => bulk(event, 'assign'),
	close: (event) => bulk(event, 'close')
};
