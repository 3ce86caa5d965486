import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { loadActionForm } from '$lib/server/planning/load-action-form';
import { createForum } from '$lib/server/planning/forums/create-forum';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const options = await loadActionForm(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return {
		scopes: options.scopes,
		members: options.members.map((p) => ({ value: p.id, label: p.name })),
		initialMembers: [actor.personId]
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'planning.view');
		const data = await event.request.formData();
		const values = {
			name: String(data.get('name') ?? ''),
			purpose: String(data.get('purpose') ?? ''),
			kind: String(data.get('kind') ?? ''),
			scope: String(data.get('scope') ?? '')
		};
		const memberIds = data.getAll('memberIds').map(String);
		return runAction(
			async () => {
				const id = (
					await createForum(event.locals.db, {
						actor,
						organizerId: organizer.id,
						input: { ...values, kind: values.kind as 'strategy', memberIds }
					})
				).id;
				redirect(303, `/${organizer.slug}/planering/forum/${id}?ny`);
			},
			{ values: { ...values, memberIds } }
		);
	}
};
