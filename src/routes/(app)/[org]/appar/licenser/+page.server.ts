import { fail } from '@sveltejs/kit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { requireApps } from '$lib/server/http/require-apps';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { addLicencePool } from '$lib/server/apps/add-licence-pool';
import { findLicenceUse, LOW_USE_BELOW, RENEWAL_WITHIN_DAYS } from '$lib/server/apps/find-licence-use';
import { importLicenceUsage } from '$lib/server/apps/import-licence-usage';
import { comparePurchasing } from '$lib/server/apps/compare-purchasing';
import { appTools, units } from '$lib/server/db/schema';
import { decodeCsvFile } from '$lib/server/imports/decode-csv-file';
import { ImportFileError } from '$lib/server/imports/import-file-error';
import type { Actions, PageServerLoad } from './$types';

/** Licence pools and their use; for the register's managers the forms to add a pool and import use. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	const use = await findLicenceUse(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const [tools, unitList] = use.canManage
		? await Promise.all([
				event.locals.db
					.select({ value: appTools.id, label: appTools.name })
					.from(appTools)
					.where(eq(appTools.organizerId, organizer.id))
					.orderBy(asc(appTools.nameKey)),
				event.locals.db
					.select({ value: units.id, label: units.name })
					.from(units)
					.where(and(eq(units.organizerId, organizer.id), isNull(units.archivedAt)))
					.orderBy(asc(units.nameSort))
			])
		: [[], []];
	return {
		...use,
		purchasing: comparePurchasing(use.pools),
		tools,
		units: unitList,
		lowUseBelow: LOW_USE_BELOW,
		renewalWithinDays: RENEWAL_WITHIN_DAYS
	};
};

export const actions: Actions = {
	pool: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await addLicencePool(event.locals.db, { actor, organizerId: organizer.id, input: values });
				return { action: 'pool' as const, done: 'pool_added' };
			},
			{ values, data: { action: 'pool' } }
		);
	},
	usage: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const data = await event.request.formData();
		const values = formValues(data);
		const file = data.get('file');
		let text = '';
		if (file instanceof File && file.size > 0) {
			try {
				text = decodeCsvFile(new Uint8Array(await file.arrayBuffer())).text;
			} catch (e) {
				if (!(e instanceof ImportFileError)) throw e;
				return fail(400, {
					action: 'usage' as const,
					values,
					issues: [{ field: 'file', message: 'apps_usage_error_unreadable' }],
					problems: []
				});
			}
		}
		return runAction(
			async () => {
				const result = await importLicenceUsage(event.locals.db, { actor, organizerId: organizer.id, text, input: values });
				if (result.problems.length)
					return fail(400, {
						action: 'usage' as const,
						values,
						issues: [{ field: 'file', message: 'apps_usage_error_file' }],
						problems: result.problems
					});
				return { action: 'usage' as const, done: 'usage_imported', imported: result.imported };
			},
			{ values, data: { action: 'usage' } }
		);
	}
};
