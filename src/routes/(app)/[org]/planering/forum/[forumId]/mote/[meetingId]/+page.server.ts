import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { deliverOutboxLater } from '$lib/server/mail/deliver-outbox-later';
import { getMeeting } from '$lib/server/planning/forums/get-meeting';
import { loadDecisionForm } from '$lib/server/planning/forums/load-decision-form';
import { saveMinutes } from '$lib/server/planning/forums/save-minutes';
import { createDecision } from '$lib/server/planning/forums/create-decision';
import { changeDecisionStatus } from '$lib/server/planning/forums/change-decision-status';
import { publishMinutes } from '$lib/server/planning/forums/publish-minutes';
import { moveMeeting } from '$lib/server/planning/forums/move-meeting';
import { removeMeeting } from '$lib/server/planning/forums/remove-meeting';
import { unconfirmedRemoval } from '$lib/server/http/confirm-removal';
import { DECISION_STATUSES } from '$lib/server/planning/forums/forum-input';
import type { Actor } from '$lib/server/policies';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const ids = { actor, organizerId: organizer.id, forumId: event.params.forumId, meetingId: event.params.meetingId };
	const details = await getMeeting(event.locals.db, ids).catch(throwHttp);
	const decisionForm =
		details.forum.canManage && !details.meeting.publishedAt
			? await loadDecisionForm(event.locals.db, { actor, organizerId: organizer.id })
			: null;
	const q = event.url.searchParams;
	return {
		...details,
		decisionForm,
		statuses: DECISION_STATUSES,
		notice: ['ny', 'sparat', 'beslut', 'flyttat', 'publicerat'].find((k) => q.has(k)) ?? null,
		mailed: Number(q.get('publicerat') ?? 0)
	};
};

/** Runs one meeting action; a domain error returns to the form with what was sent, success goes back to the page. */
async function act(event: RequestEvent, run: (ctx: { actor: Actor; organizerId: string; data: FormData }) => Promise<string>) {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const data = await event.request.formData();
	return runAction(
		async () => {
			const after = await run({ actor, organizerId: organizer.id, data });
			redirect(303, `/${organizer.slug}/planering/forum/${event.params.forumId}/mote/${event.params.meetingId}?${after}`);
		},
		{ values: formValues(data) }
	);
}

export const actions: Actions = {
	minutes: async (event) =>
		act(event, async ({ actor, organizerId, data }) => {
			const minutes: Record<string, string> = {};
			for (const [k, v] of data) if (k.startsWith('minutes-') && typeof v === 'string') minutes[k.slice('minutes-'.length)] = v;
			const input = { minutes, presentIds: data.getAll('presentIds').map(String), guests: String(data.get('guests') ?? '') };
			await saveMinutes(event.locals.db, { actor, organizerId, forumId: event.params.forumId, meetingId: event.params.meetingId, input });
			return 'sparat';
		}),
	decision: async (event) =>
		act(event, async ({ actor, organizerId, data }) => {
			const v = formValues(data);
			const input = {
				text: v.text ?? '',
				ownerId: v.ownerId ?? '',
				dueOn: v.dueOn ?? '',
				makeAction: v.makeAction === 'on',
				actionId: v.actionId ?? ''
			};
			await createDecision(event.locals.db, {
				actor,
				organizerId,
				forumId: event.params.forumId,
				meetingId: event.params.meetingId,
				input
			});
			return 'beslut#beslut';
		}),
	status: async (event) =>
		act(event, async ({ actor, organizerId, data }) => {
			await changeDecisionStatus(event.locals.db, {
				actor,
				organizerId,
				forumId: event.params.forumId,
				decisionId: String(data.get('decisionId') ?? ''),
				status: String(data.get('status') ?? '')
			});
			return 'sparat#beslut';
		}),
	move: async (event) =>
		act(event, async ({ actor, organizerId, data }) => {
			const v = formValues(data);
			const input = { day: v.day ?? '', time: v.time ?? '', place: v.place ?? '' };
			await moveMeeting(event.locals.db, { actor, organizerId, forumId: event.params.forumId, meetingId: event.params.meetingId, input });
			return 'flyttat';
		}),
	remove: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const refused = unconfirmedRemoval(await event.request.formData());
		if (refused) return refused;
		const { forumId, meetingId } = event.params;
		return runAction(async () => {
			await removeMeeting(event.locals.db, { actor, organizerId: organizer.id, forumId, meetingId });
			redirect(303, `/${organizer.slug}/planering/forum/${forumId}?borttaget`);
		});
	},
	publish: async (event) =>
		act(event, async ({ actor, organizerId }) => {
			const mailed = await publishMinutes(event.locals.db, {
				actor,
				organizerId,
				forumId: event.params.forumId,
				meetingId: event.params.meetingId
			});
			deliverOutboxLater(event.locals.db);
			return `publicerat=${mailed}`;
		})
};
