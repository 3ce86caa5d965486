import { redirect } from '@sveltejs/kit';
import { CHAINS } from '$lib/server/support/constants';
import { findSupportConfig } from '$lib/server/support/config/find-support-config';
import { updateSupportSettings } from '$lib/server/support/config/update-support-settings';
import { createTeam } from '$lib/server/support/config/create-team';
import { addSuggestedCategories, createCategory } from '$lib/server/support/config/create-category';
import { presentCategoryRow, presentTeamRow } from '$lib/server/support/config/present-config';
import { checked, doneFrom, supportAdminContext, text } from './support-admin';
import type { Actions, PageServerLoad } from './$types';
import { runAction } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { parseKnowledgeSettings, setPublicArticles } from '$lib/server/knowledge/public/knowledge-settings';

const DONE = ['installningar', 'kategori', 'forslag', 'kunskapsbank'] as const;

export const load: PageServerLoad = async (event) => {
	const { db, opts, actor, organizer } = await supportAdminContext(event);
	const { settings, teams, categories } = await findSupportConfig(db, opts);
	// The knowledge base's own setting sits here for those who manage the base (kb.manage), beside support's.
	const manageKb = can(actor, 'kb.manage', { type: 'knowledge', organizerId: organizer.id });
	return {
		settings,
		knowledge: manageKb ? parseKnowledgeSettings(organizer.settings.knowledge) : null,
		teams: teams.map(presentTeamRow),
		categories: categories.map(presentCategoryRow),
		chains: [...CHAINS],
		done: doneFrom(event.url, DONE)
	};
};

export const actions: Actions = {
	/** Whether articles marked public may be read without signing in (kb.manage). */
	knowledge: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const allow = checked(await event.request.formData(), 'publicArticles');
		return runAction(
			async () => {
				await setPublicArticles(db, { ...opts, allow });
				redirect(303, `${base}?klart=kunskapsbank#kunskapsbank`);
			},
			{ values: { publicArticles: allow }, field: 'publicArticles', data: { action: 'knowledge' } }
		);
	},
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
		return runAction(
			async () => {
				await updateSupportSettings(db, { ...opts, input });
				redirect(303, `${base}?klart=installningar`);
			},
			{ values: input, field: 'settings', data: { action: 'settings' } }
		);
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
		return runAction(
			async () => {
				const id = (await createTeam(db, { ...opts, input: input as never })).id;
				redirect(303, `${base}/team/${id}?klart=skapat`);
			},
			{ values: input, field: 'addTeam', data: { action: 'addTeam' } }
		);
	},
	addCategory: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const data = await event.request.formData();
		const input = { chain: text(data, 'categoryChain'), name: text(data, 'categoryName'), deviceRelated: checked(data, 'deviceRelated') };
		const values = { categoryChain: input.chain, categoryName: input.name, deviceRelated: input.deviceRelated };
		return runAction(
			async () => {
				await createCategory(db, { ...opts, input: input as never });
				redirect(303, `${base}?klart=kategori#kategorier`);
			},
			// The form's fields carry a prefix so they do not clash with the team form's.
			{
				values,
				field: 'addCategory',
				data: { action: 'addCategory' },
				renameField: (f) => (f === 'chain' ? 'categoryChain' : f === 'name' ? 'categoryName' : f)
			}
		);
	},
	suggest: async (event) => {
		const { db, opts, base } = await supportAdminContext(event);
		const chain = text(await event.request.formData(), 'chain');
		return runAction(
			async () => {
				await addSuggestedCategories(db, { ...opts, chain });
				redirect(303, `${base}?klart=forslag#kategorier`);
			},
			{ values: { chain }, field: 'suggest', data: { action: 'suggest' }, renameField: () => 'suggest' }
		);
	}
};
