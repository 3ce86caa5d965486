import { redirect } from '@sveltejs/kit';
import { runAction } from '$lib/server/http/errors';
import { requireKbManage } from '$lib/server/knowledge/require-kb-manage';
import { addSynonymGroup } from '$lib/server/knowledge/synonyms/add-synonym-group';
import { findSynonymGroups } from '$lib/server/knowledge/synonyms/find-synonym-groups';
import { removeSynonymGroup } from '$lib/server/knowledge/synonyms/remove-synonym-group';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['tillagd', 'borttagen'] as const;

/** The organizer's own synonym groups beside the shipped list, for those who manage the knowledge base. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKbManage(event);
	const groups = await findSynonymGroups(event.locals.db, { actor, organizerId: organizer.id });
	const done = event.url.searchParams.get('klart');
	return { ...groups, done: (DONE as readonly string[]).includes(done ?? '') ? done : null };
};

export const actions: Actions = {
	add: async (event) => {
		const { actor, organizer } = await requireKbManage(event);
		const words = String((await event.request.formData()).get('words') ?? '');
		return runAction(
			async () => {
				await addSynonymGroup(event.locals.db, { actor, organizerId: organizer.id, words });
				redirect(303, `/${organizer.slug}/hjalp/synonymer?klart=tillagd`);
			},
			{ values: { words }, field: 'words' }
		);
	},
	remove: async (event) => {
		const { actor, organizer } = await requireKbManage(event);
		const groupId = String((await event.request.formData()).get('groupId') ?? '');
		return runAction(async () => {
			await removeSynonymGroup(event.locals.db, { actor, organizerId: organizer.id, groupId });
			redirect(303, `/${organizer.slug}/hjalp/synonymer?klart=borttagen`);
		});
	}
};
