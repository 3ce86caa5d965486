import { redirect, type RequestEvent } from '@sveltejs/kit';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { getCategory } from '$lib/server/support/config/get-category';
import { setCategoryArchived, updateCategory } from '$lib/server/support/config/update-category';
import { presentCategoryRow } from '$lib/server/support/config/present-config';
import { checked, doneFrom, supportAdminContext, text } from '../../support-admin';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['sparad', 'arkiverad', 'aterstalld'] as const;

export const load: PageServerLoad = async (event) => {
	const { db, opts } = await supportAdminContext(event);
	const category = await getCategory(db, { ...opts, categoryId: event.params.categoryId }).catch(throwHttp);
	return { category: presentCategoryRow(category), done: doneFrom(event.url, DONE) };
};

async function context(event: RequestEvent<{ org: string; categoryId: string }>) {
	const c = await supportAdminContext(event);
	return { db: c.db, page: `${c.base}/kategori/${event.params.categoryId}`, opts: { ...c.opts, categoryId: event.params.categoryId } };
}

export const actions: Actions = {
	update: async (event) => {
		const { db, page, opts } = await context(event);
		const data = await event.request.formData();
		const input = { name: text(data, 'name'), deviceRelated: checked(data, 'deviceRelated') };
		return runAction(
			async () => {
				await updateCategory(db, { ...opts, input });
				redirect(303, `${page}?klart=sparad`);
			},
			{ values: input, field: 'update', data: { action: 'update' } }
		);
	},
	archive: async (event) => {
		const { db, page, opts } = await context(event);
		await setCategoryArchived(db, { ...opts, archive: true }).catch(throwHttp);
		redirect(303, `${page}?klart=arkiverad`);
	},
	restore: async (event) => {
		const { db, page, opts } = await context(event);
		await setCategoryArchived(db, { ...opts, archive: false }).catch(throwHttp);
		redirect(303, `${page}?klart=aterstalld`);
	}
};
