import { redirect } from '@sveltejs/kit';
import { requireApps } from '$lib/server/http/require-apps';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { addReviewComment } from '$lib/server/apps/add-review-comment';
import { decideTool } from '$lib/server/apps/decide-tool';
import { getAppRequest } from '$lib/server/apps/requests/get-app-request';
import { tickRequestCheck } from '$lib/server/apps/requests/tick-request-check';
import { toolFormInput } from '$lib/server/apps/tool-form';
import { SCHOOL_FORMS, TOOL_OUTCOMES } from '$lib/server/db/schema/apps';
import type { Actions, PageServerLoad } from './$types';

/** One request for the 2nd line: what was asked, the review checklist and the decision (decision 047). */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.manage');
	const page = await getAppRequest(event.locals.db, { actor, organizerId: organizer.id, requestId: event.params.requestId }).catch(
		throwHttp
	);
	return { ...page, schoolForms: SCHOOL_FORMS, outcomes: TOOL_OUTCOMES, done: event.url.searchParams.get('klart') };
};

export const actions: Actions = {
	/** One item of the checklist; its fields carry the item's name (`note-cost`), so every id on the page is unique. */
	check: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const data = await event.request.formData();
		const item = String(data.get('item') ?? '');
		const input = { item, note: data.get(`note-${item}`) ?? '', done: data.get(`done-${item}`) ?? undefined };
		const requestId = event.params.requestId;
		return runAction(
			async () => {
				await tickRequestCheck(event.locals.db, { actor, organizerId: organizer.id, requestId, input });
				redirect(303, `/${organizer.slug}/appar/begaranden/${requestId}?klart=check#check-${item}`);
			},
			{
				values: { [`note-${item}`]: input.note, [`done-${item}`]: input.done, item },
				data: { action: 'check' },
				renameField: (f) => (f === 'note' || f === 'form' || f === 'item' ? `note-${item}` : f)
			}
		);
	},
	/** The decision, with the register's decide-tool; it answers the request's case (settleToolRequests). */
	decide: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const db = event.locals.db;
		const page = await getAppRequest(db, { actor, organizerId: organizer.id, requestId: event.params.requestId }).catch(throwHttp);
		const { input, values } = toolFormInput(await event.request.formData(), 'decisionForms');
		return runAction(
			async () => {
				await decideTool(db, { actor, organizerId: organizer.id, toolId: page.tool.tool.id, input });
				redirect(303, `/${organizer.slug}/appar/begaranden/${page.request.id}?klart=decided`);
			},
			{ values, data: { action: 'decide' }, renameField: (f) => (f === 'schoolForms' ? 'decisionForms' : f) }
		);
	},
	/** A comment on the tool's review, beside the request (decision 057); the page shows it at once. */
	comment: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const db = event.locals.db;
		const page = await getAppRequest(db, { actor, organizerId: organizer.id, requestId: event.params.requestId }).catch(throwHttp);
		const body = String((await event.request.formData()).get('body') ?? '');
		return runAction(
			async () => {
				await addReviewComment(db, { actor, organizerId: organizer.id, toolId: page.tool.tool.id, body });
				redirect(303, `/${organizer.slug}/appar/begaranden/${page.request.id}?klart=commented#comments-heading`);
			},
			{ values: { body }, data: { action: 'comment' } }
		);
	}
};
