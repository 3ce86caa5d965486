import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction, type RunActionOptions } from '$lib/server/http/errors';
import { findConclusions } from '$lib/server/assessment/conclusions/find-conclusions';
import { writeConclusion } from '$lib/server/assessment/conclusions/write-conclusion';
import { updateConclusion } from '$lib/server/assessment/conclusions/update-conclusion';
import { deleteConclusion } from '$lib/server/assessment/conclusions/delete-conclusion';
import { localize } from '$lib/server/assessment/consensus/localize';
import { getLocale } from '$lib/paraglide/runtime';
import { findPlannableScopes } from '$lib/server/planning/plan-scopes';
import { deliverOutboxLater } from '$lib/server/mail/deliver-outbox-later';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DONE = ['sparat', 'andrat', 'borttaget'] as const;

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	const q = event.url.searchParams;
	const r = await findConclusions(event.locals.db, {
		actor,
		organizerId: organizer.id,
		roundId: event.params.roundId,
		unitId: q.get('enhet')
	}).catch(throwHttp);
	const locale = getLocale();
	// Where a conclusion may become an action ("Gör till aktivitet"): the scopes whose plan the actor may write.
	const plannable = await findPlannableScopes(event.locals.db, actor, organizer.id);
	return {
		plannable,
		round: r.round,
		waiting: r.waiting,
		canWriteOrganizer: r.canWriteOrganizer,
		units: r.units,
		unit: r.unit && { ...r.unit, results: r.unit.results.map((x) => ({ ...x, title: localize(x.title, locale) })) },
		organizerConclusions: r.organizerConclusions,
		subGoals: r.subGoals.map((sg) => ({
			id: sg.id,
			title: localize(sg.title, locale),
			items: sg.items.map((i) => ({ key: i.key, statement: localize(i.statement, locale) }))
		})),
		/** The conclusion shown as an edit form or a removal question (the page checks the actor may). */
		editing: q.get('andra'),
		deleting: q.get('ta-bort'),
		done: DONE.find((d) => q.get(d) === '1') ?? null,
		/** How many of the unit's staff got the conclusion by mail (after "Meddela personalen"). */
		mailed: /^\d+$/.test(q.get('epost') ?? '') ? Number(q.get('epost')) : null
	};
};

/** Where to return after a change: the page for the unit that was shown, with a notice. */
function backTo(event: RequestEvent, slug: string, unitId: string, done: (typeof DONE)[number]) {
	const q = new URLSearchParams();
	if (/^[0-9a-f-]{36}$/i.test(unitId)) q.set('enhet', unitId);
	q.set(done, '1');
	return `/${slug}/skattning/${event.params.roundId}/resultat?${q}`;
}

/** The scope select's value ("", "sg:<id>" or "item:<key>") as the domain's input. */
const scopeInput = (scope: string) => ({
	subGoalId: scope.startsWith('sg:') ? scope.slice(3) : null,
	itemKey: scope.startsWith('item:') ? scope.slice(5) : null
});

/** How a failure keeps what was sent and names the fields of the form with this prefix. */
const formOptions = (data: FormData, prefix: string): RunActionOptions => ({
	values: formValues(data),
	renameField: (f) => `${prefix}-${f === 'form' ? 'summary' : f}`
});

export const actions: Actions = {
	write: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
		const data = await event.request.formData();
		const target = String(data.get('target') ?? '');
		const unitId = target === 'organizer' ? null : target;
		const input = { summary: String(data.get('summary') ?? ''), ...scopeInput(String(data.get('scope') ?? '')) };
		return runAction(
			async () => {
				const { mailed } = await writeConclusion(event.locals.db, {
					actor,
					organizerId: organizer.id,
					roundId: event.params.roundId,
					unitId,
					input,
					notifyStaff: data.get('notifyStaff') === 'on'
				});
				if (mailed) deliverOutboxLater(event.locals.db);
				const back = backTo(event, organizer.slug, String(data.get('enhet') ?? unitId ?? ''), 'sparat');
				redirect(303, mailed === null ? back : `${back}&epost=${mailed}`);
			},
			formOptions(data, unitId ? 'unit' : 'organizer')
		);
	},
	update: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
		const data = await event.request.formData();
		const conclusionId = String(data.get('conclusionId') ?? '');
		const input = { summary: String(data.get('summary') ?? ''), ...scopeInput(String(data.get('scope') ?? '')) };
		return runAction(
			async () => {
				await updateConclusion(event.locals.db, { actor, organizerId: organizer.id, roundId: event.params.roundId, conclusionId, input });
				redirect(303, backTo(event, organizer.slug, String(data.get('enhet') ?? ''), 'andrat'));
			},
			formOptions(data, 'edit')
		);
	},
	delete: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
		const data = await event.request.formData();
		return runAction(
			async () => {
				await deleteConclusion(event.locals.db, {
					actor,
					organizerId: organizer.id,
					roundId: event.params.roundId,
					conclusionId: String(data.get('conclusionId') ?? '')
				});
				redirect(303, backTo(event, organizer.slug, String(data.get('enhet') ?? ''), 'borttaget'));
			},
			formOptions(data, 'delete')
		);
	}
};
