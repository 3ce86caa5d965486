import { fileTicket } from '../../../support/tickets/file-ticket';
import { getTicket } from '../../../support/tickets/get-ticket';
import { respondToTicket } from '../../../support/tickets/respond-to-ticket';
import { defineOperation } from '../operation';
import { findApiCases, presentApiCase } from '../find-api-cases';
import { Case, CaseParams, CasePage, CasesQuery, CreateCase, CreateReply } from '../schemas';

/** GET /cases: the cases the caller may see, newest first, filtered and paged. */
export const listCases = defineOperation({
	id: 'listCases',
	method: 'GET',
	path: '/cases',
	tag: 'Ärenden',
	summary: 'Ärendena nyckeln får se, nyast först',
	scope: 'cases:read',
	query: CasesQuery,
	response: CasePage,
	run: ({ db, caller, query }) =>
		findApiCases(db, {
			actor: caller.actor,
			organizerId: caller.organizerId,
			after: query.after,
			limit: query.limit,
			status: query.status,
			unitId: query.unit,
			chain: query.chain
		})
});

/** GET /cases/{number}: one case; one the caller may not see is 404, as in the UI. */
export const getCase = defineOperation({
	id: 'getCase',
	method: 'GET',
	path: '/cases/{number}',
	tag: 'Ärenden',
	summary: 'Ett ärende',
	scope: 'cases:read',
	params: CaseParams,
	response: Case,
	run: async ({ db, caller, params }) =>
		presentApiCase((await getTicket(db, { actor: caller.actor, organizerId: caller.organizerId, number: params.number })).ticket)
});

/** POST /cases: files a case through the same function as the form, with its checks and audit. */
export const createCase = defineOperation({
	id: 'createCase',
	method: 'POST',
	path: '/cases',
	tag: 'Ärenden',
	summary: 'Anmäl ett ärende',
	scope: 'cases:write',
	body: CreateCase,
	response: Case,
	status: 201,
	run: async ({ db, caller, body }) =>
		presentApiCase(await fileTicket(db, { actor: caller.actor, organizerId: caller.organizerId, input: body, asksForDevice: false }))
});

/** POST /cases/{number}/replies: the requester's reply, as on the case page. */
export const replyToCase = defineOperation({
	id: 'replyToCase',
	method: 'POST',
	path: '/cases/{number}/replies',
	tag: 'Ärenden',
	summary: 'Svara på ett ärende',
	scope: 'cases:write',
	params: CaseParams,
	body: CreateReply,
	response: Case,
	status: 201,
	run: async ({ db, caller, params, body }) =>
		presentApiCase(await respondToTicket(db, { actor: caller.actor, organizerId: caller.organizerId, number: params.number, input: body }))
});
