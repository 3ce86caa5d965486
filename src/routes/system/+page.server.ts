import { error, fail, redirect } from '@sveltejs/kit';
import { findAllOrganizers } from '$lib/server/org/find-all-organizers';
import { can } from '$lib/server/policies';
import { createOrganizer, createOrganizerSchema } from '$lib/server/org/create-organizer';
import { formValues, zodIssues, runAction } from '$lib/server/http/errors';
import { findPendingInvitations } from '$lib/server/people/find-invitations';
import { respondToInvitation } from '$lib/server/people/respond-to-invitation';
import { isAppError } from '$lib/server/errors';
import { isTwoFactorRequiredForSystemAdmins } from '$lib/server/auth/two-factor/two-factor-requirement';
import { updateInstanceTwoFactorRequirement } from '$lib/server/auth/two-factor/update-two-factor-requirement';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireSystemAdmin({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(url.pathname)}`);
	if (!can(locals.actor, 'instance.administer', { type: 'instance' })) error(404);
	return locals.actor;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireSystemAdmin(event);
	const invitations = await findPendingInvitations(event.locals.db, { actor });
	return {
		organizers: await findAllOrganizers(event.locals.db, { actor }),
		created: event.url.searchParams.get('skapad'),
		approved: event.url.searchParams.has('godkand'),
		requireTwoFactorForSystemAdmins: await isTwoFactorRequiredForSystemAdmins(event.locals.db),
		securitySaved: event.url.searchParams.has('sakerhet'),
		invitations: invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }))
	};
};

export const actions: Actions = {
	/** A system administrator approves an invitation on the person's behalf (decision 018). */
	approveInvitation: async (event) => {
		const actor = requireSystemAdmin(event);
		const data = await event.request.formData();
		try {
			await respondToInvitation(event.locals.db, { actor, invitationId: String(data.get('invitationId') ?? ''), accept: true });
		} catch (e) {
			if (isAppError(e) && e.code === 'NOT_FOUND') return fail(404, { invitationGone: true });
			throw e;
		}
		redirect(303, '/system?godkand');
	},
	/** Whether system administrators must use two-step verification (decision 019). */
	security: async (event) => {
		const actor = requireSystemAdmin(event);
		const data = await event.request.formData();
		await updateInstanceTwoFactorRequirement(event.locals.db, { actor, required: data.get('requireTwoFactorForSystemAdmins') === 'on' });
		redirect(303, '/system?sakerhet');
	},
	create: async (event) => {
		const actor = requireSystemAdmin(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const parsed = createOrganizerSchema.safeParse({ ...values, kind: values.kind || undefined, password: data.get('password') ?? '' });
		if (!parsed.success) return fail(400, { values, issues: zodIssues(parsed.error.issues) });
		return runAction(
			async () => {
				const slug = (await createOrganizer(event.locals.db, { actor, input: parsed.data })).organizer.slug;
				redirect(303, `/system?skapad=${encodeURIComponent(slug)}`);
			},
			{ values }
		);
	}
};
