import { redirect } from '@sveltejs/kit';
import { can } from '$lib/server/policies';
import { env } from '$lib/server/env';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { capacityFieldId } from '$lib/components/rounds/capacity-field';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { getRound } from '$lib/server/assessment/rounds/get-round';
import { getRoundItems } from '$lib/server/assessment/rounds/round-items';
import { presentRound } from '$lib/server/assessment/rounds/present-round';
import { closeRound } from '$lib/server/assessment/rounds/close-round';
import { findResponseRates } from '$lib/server/assessment/rounds/find-response-rates';
import { loadUnitAccess } from '$lib/server/assessment/rounds/unit-access';
import { createLink } from '$lib/server/assessment/links/create-link';
import { createLinks } from '$lib/server/assessment/links/create-links';
import { regenerateLink } from '$lib/server/assessment/links/regenerate-link';
import { findLinks, linkUrl } from '$lib/server/assessment/links/find-links';
import { DEFAULT_LINK_CAPACITY } from '$lib/server/assessment/links/link-room';
import { presentRoundLinks } from '$lib/server/assessment/rounds/present-round-links';
import { requirePartInRound } from '$lib/server/assessment/rounds/part-in-round';
import { roundStatus } from '$lib/server/assessment/rounds/round-status';
import { conclusionAccess } from '$lib/server/assessment/conclusions/conclusion-access';
import { findReportAreas } from '$lib/server/assessment/reports/area/compute-area-report';
import { countAnswerReminders } from '$lib/server/assessment/answer-reminders/count-answer-reminders';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const DONE = ['skapad', 'sparad', 'stangd', 'lank', 'ny-lank', 'lankar'] as const;

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	const db = event.locals.db;
	const round = await getRound(db, { organizerId: organizer.id, roundId: event.params.roundId }).catch(throwHttp);
	const canManage = can(actor, 'assessment.manage', { type: 'organizer', organizerId: organizer.id });
	const access = await loadUnitAccess(db, organizer.id);
	// The round page follows the round list: only those with a part in the round (decision 014).
	try {
		requirePartInRound({ actor, organizerId: organizer.id, round, resource: access.resource });
	} catch (e) {
		throwHttp(e);
	}
	const unitNames = access.sort(round.unitIds).map((id) => ({ id, name: access.byId.get(id)?.name ?? '' }));
	const rates = await findResponseRates(db, { actor, round }).catch(throwHttp);
	let links: { unitId: string; unitName: string; perspectives: { perspective: string; url: string | null; capacity: number }[] }[] = [];
	let customItemCount = 0;
	let reminders: { days: number[]; sent: { daysBefore: number; count: number }[] } | null = null;
	if (canManage) {
		reminders = { days: round.reminderDays, sent: await countAnswerReminders(db, { actor, round }) };
		const rows = await findLinks(db, { actor, organizerId: organizer.id, roundId: round.id }).catch(throwHttp);
		links = unitNames.map((u) => ({
			unitId: u.id,
			unitName: u.name,
			perspectives: round.perspectives.map((p) => {
				const row = rows.find((r) => r.unitId === u.id && r.perspective === p);
				return { perspective: p, url: row ? linkUrl(env.ORIGIN, row.token) : null, capacity: row?.capacity ?? DEFAULT_LINK_CAPACITY };
			})
		}));
		customItemCount = (await getRoundItems(db, round)).items.filter((i) => i.custom).length;
	}
	const results = await conclusionAccess(db, actor, round);
	const pages = presentRoundLinks({
		actor,
		organizerId: organizer.id,
		status: roundStatus(round),
		perspectives: round.perspectives,
		units: unitNames,
		resource: access.resource,
		resultUnitIds: new Set(results.units.map((u) => u.id))
	});
	const done = event.url.searchParams.get('klart');
	return {
		round: await presentRound(round, unitNames),
		rates,
		pages,
		links,
		customItemCount,
		reminders,
		canManage,
		areas: await findReportAreas(db, { actor, organizerId: organizer.id, roundUnitIds: round.unitIds }),
		done: DONE.find((d) => d === done) ?? null,
		bulkLinks: done === 'lankar' ? countsFromUrl(event.url) : null
	};
};

/** How many links the bulk form created and skipped, as the redirect reports them. */
function countsFromUrl(url: URL) {
	const n = (key: string) => Math.max(0, Number.parseInt(url.searchParams.get(key) ?? '0', 10) || 0);
	return { created: n('skapade'), skipped: n('fanns') };
}

/** Runs a link change for the posted unit × perspective and returns to the links section. */
async function linkAction(event: RequestEvent, change: typeof createLink, done: string) {
	const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
	const data = await event.request.formData();
	const values = formValues(data);
	return runAction(
		async () => {
			await change(event.locals.db, {
				actor,
				organizerId: organizer.id,
				roundId: event.params.roundId,
				unitId: values.unitId ?? '',
				perspective: values.perspective ?? '',
				capacity: values.capacity ?? ''
			});
			redirect(303, `/${organizer.slug}/skattning/${event.params.roundId}?klart=${done}#lankar`);
		},
		// The capacity field is one per row: point the message at the row's own field.
		{ values, renameField: (f) => (f === 'capacity' ? capacityFieldId(values.unitId ?? '', values.perspective ?? '') : f) }
	);
}

export const actions: Actions = {
	close: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
		return runAction(async () => {
			await closeRound(event.locals.db, { actor, organizerId: organizer.id, roundId: event.params.roundId });
			redirect(303, `/${organizer.slug}/skattning/${event.params.roundId}?klart=stangd`);
		});
	},
	createLink: async (event) => linkAction(event, createLink, 'lank'),
	regenerateLink: async (event) => linkAction(event, regenerateLink, 'ny-lank'),
	createLinks: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
		const data = await event.request.formData();
		const all = (key: string) => data.getAll(key).filter((v): v is string => typeof v === 'string');
		const values = { perspectives: all('perspectives'), unitIds: all('unitIds') };
		return runAction(
			async () => {
				const result = await createLinks(event.locals.db, { actor, organizerId: organizer.id, roundId: event.params.roundId, ...values });
				redirect(
					303,
					`/${organizer.slug}/skattning/${event.params.roundId}?klart=lankar&skapade=${result.created}&fanns=${result.skipped}#lankar`
				);
			},
			{ values: { ...values, bulk: true } }
		);
	}
};
