import { redirect } from '@sveltejs/kit';
import { CHAINS } from '$lib/server/support/constants';
import { findSupportConfig } from '$lib/server/support/config/find-support-config';
import { updateSupportSettings } from '$lib/server/support/config/update-support-settings';
import { createTeam } from '$lib/server/support/config/create-team';
import { addSuggestedCategories, createCategory } from '$lib/server/support/config/create-category';
import { presentCategoryRow, presentTeamRow } from '$lib/server/support/config/present-config';
import { checked, doneFrom, failAction, supportAdminContext, text } from './support-admin';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['installningar', 'kategori', 'forslag'] as const;

export const load: PageServerLoad = async (event) => {
	const { db, opts } = await supportAdminContext(event);
	const { settings, teams, categories } = await findSupportConfig(db, opts);
	return {
		settings,
		teams: teams.map(presentTeamRow),
		categories: categories.map(presentCategoryRow),
		chains: [...CHAINS],
		done: doneFrom(event.url, DONE)
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const data = await event.request.formData();
		const input = {
			workdayStart: text(data, 'workdayStart'),
			workdayEnd: text(data, 'workdayEnd'),
			countLov: checked(data, 'countLov'),
			reminderDays: text(data, 'reminderDays'),
			autoCloseDays: text(data, 'autoCloseDays'),
			closeSolvedDays: text(data, 'closeSolvedDays'),
			reopenDays: text(data, 'reopenDays'),
			allowStudents: checked(data, 'allowStudents'),
			allowGuardians: checked(data, 'allowGuardians')
		};
		try {
			await updateSupportSettings(db, { ...opts, input });
		} catch (e) {
			return failAction(e, input, 'settings');
		}
		redirect(303, `${base}?klart=installningar`);
	},
	addTeam: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const data = await event.request.formData();
		const input = {
			name: text(data, 'name'),
			chain: text(data, 'chain'),
			line: text(data, 'line'),
			supplierName: text(data, 'supplierName')
		};
		let id: string;
		try {
			id = (await createTeam(db, { ...opts, input: input as never })).id;
		} catch (e) {
			return failAction(e, input, 'addTeam');
		}
		redirect(303, `${base}/team/${id}?klart=skapat`);
	},
	addCategory: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const data = await event.request.formData();
		const input = { chain: text(data, 'categoryChain'), name: text(data, 'categoryName'), deviceRelated: checked(data, 'deviceRelated') };
		try {
			await createCategory(db, { ...opts, input: input as never });
		} catch (e) {
			// The form's fields carry a prefix so they do not clash with the team form's.
			const issues = (e as { issues?: { field: string; message: string }[] }).issues;
			if (issues) for (const i of issues) i.field = i.field === 'chain' ? 'categoryChain' : i.field === 'name' ? 'categoryName' : i.field;
			return failAction(e, { categoryChain: input.chain, categoryName: input.name, deviceRelated: input.deviceRelated }, 'addCategory');
		}
		redirect(303, `${base}?klart=kategori#kategorier`);
	},
	suggest: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const chain = text(await event.request.formData(), 'chain');
		try {
			await addSuggestedCategories(db, { ...opts, chain });
		} catch (e) {
			return failAction(e, { chain }, 'suggest', 'suggest');
		}
		redirect(303, `${base}?klart=forslag#kategorier`);
	}
};
