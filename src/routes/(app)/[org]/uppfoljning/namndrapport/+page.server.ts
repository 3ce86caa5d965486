import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { findBoardReports } from '$lib/server/followup/board-report/find-board-reports';
import { addBoardReader, findBoardReaders, removeBoardReader } from '$lib/server/followup/board-report/board-readers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.report_read');
	const db = event.locals.db;
	const resource = { type: 'organizer' as const, organizerId: organizer.id };
	const canConfigure = can(actor, 'followup.configure', resource);
	const [reports, readers] = await Promise.all([
		findBoardReports(db, { actor, organizerId: organizer.id }).catch(throwHttp),
		canConfigure ? findBoardReaders(db, { actor, organizerId: organizer.id }) : Promise.resolve(null)
	]);
	return {
		reports: reports.map((r) => ({ ...r, generatedAt: r.generatedAt.toISOString() })),
		readers,
		canGenerate: can(actor, 'followup.report', resource)
	};
};

export const actions: Actions = {
	addReader: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await addBoardReader(event.locals.db, { actor, organizerId: organizer.id, email: values.email ?? '' });
				redirect(303, event.url.pathname + '#readers');
			},
			{ values, field: 'email' }
		);
	},
	removeReader: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await removeBoardReader(event.locals.db, { actor, organizerId: organizer.id, personId: values.personId ?? '' });
				redirect(303, event.url.pathname + '#readers');
			},
			{ values }
		);
	}
};
