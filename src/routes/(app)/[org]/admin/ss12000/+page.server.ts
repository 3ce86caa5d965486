import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { requestJob } from '$lib/server/jobs/app-jobs';
import { getSs12000Overview } from '$lib/server/integrations/ss12000/get-ss12000-overview';
import { saveSs12000Config } from '$lib/server/integrations/ss12000/save-ss12000-config';
import { requestSs12000Sync, type RequestedMode } from '$lib/server/integrations/ss12000/request-ss12000-sync';
import { MAPPABLE_ROLES } from '$lib/server/integrations/ss12000/role-map';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'ss12000.manage');
	const overview = await getSs12000Overview(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return {
		...overview,
		mappableRoles: MAPPABLE_ROLES,
		saved: event.url.searchParams.has('sparad'),
		requested: event.url.searchParams.get('begard')
	};
};

const request = (mode: RequestedMode, flag: string): Actions[string] =>
	async function (event) {
		const { actor, organizer } = await requireOrganizer(event, 'ss12000.manage');
		return runAction(
			async () => {
				await requestSs12000Sync(event.locals.db, { actor, organizerId: organizer.id, mode });
				void requestJob('ss12000-sync').catch(() => undefined);
				redirect(303, `/${organizer.slug}/admin/ss12000?begard=${flag}`);
			},
			{ field: 'sync', data: { action: 'sync' } }
		);
	};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'ss12000.manage');
		// The secret is write-only: never echoed back, not even after a failed save.
		const data = await event.request.formData();
		const values = formValues(data, ['secret']);
		const secret = String(data.get('secret') ?? '');
		return runAction(
			async () => {
				await saveSs12000Config(event.locals.db, { actor, organizerId: organizer.id, values: { ...values, secret } });
				redirect(303, `/${organizer.slug}/admin/ss12000?sparad`);
			},
			{ values, data: { action: 'save' } }
		);
	},
	sync: request('auto', 'synk'),
	dryRun: request('dry_run', 'prov')
};
