import { requireApps } from '$lib/server/http/require-apps';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { assignLicences } from '$lib/server/apps/assign-licences';
import { getLicencePool } from '$lib/server/apps/get-licence-pool';
import { unassignLicences } from '$lib/server/apps/unassign-licences';
import type { Actions, PageServerLoad } from './$types';

/** One licence pool: who holds its licences and, for the register's managers, the forms to assign and take back. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	return getLicencePool(event.locals.db, {
		actor,
		organizerId: organizer.id,
		poolId: event.params.licencePoolId,
		unitId: event.url.searchParams.get('enhet') ?? undefined
	}).catch(throwHttp);
};

const ids = (data: FormData) => data.getAll('personIds').map(String);

export const actions: Actions = {
	/** The ticked people, or with `alla` everyone at the unit without a licence yet. */
	assign: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const data = await event.request.formData();
		const unitId = String(data.get('unitId') ?? '');
		const validFrom = String(data.get('validFrom') ?? '');
		const validTo = String(data.get('validTo') ?? '');
		const db = event.locals.db;
		return runAction(
			async () => {
				const everyone = data.get('alla') === '1';
				const personIds = everyone
					? (await getLicencePool(db, { actor, organizerId: organizer.id, poolId: event.params.licencePoolId, unitId })).candidates.map(
							(c) => c.personId
						)
					: ids(data);
				const r = await assignLicences(db, {
					actor,
					organizerId: organizer.id,
					poolId: event.params.licencePoolId,
					unitId,
					personIds,
					validFrom,
					validTo
				});
				return { action: 'assign' as const, done: 'assigned', count: r.assigned };
			},
			{ values: { unitId, validFrom, validTo, personIds: ids(data) }, field: 'personIds', data: { action: 'assign' } }
		);
	},
	unassign: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const data = await event.request.formData();
		return runAction(
			async () => {
				const r = await unassignLicences(event.locals.db, {
					actor,
					organizerId: organizer.id,
					poolId: event.params.licencePoolId,
					personIds: ids(data)
				});
				return { action: 'unassign' as const, done: 'unassigned', count: r.unassigned };
			},
			{ values: { personIds: ids(data) }, renameField: () => 'unassignIds', data: { action: 'unassign' } }
		);
	}
};
