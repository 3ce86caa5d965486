import { error, fail, redirect } from '@sveltejs/kit';
import { organizers } from '$lib/server/db/schema';
import { can } from '$lib/server/policies';
import { createOrganizer, createOrganizerSchema } from '$lib/server/org/create-organizer';
import { failFromError, formValues, zodIssues } from '$lib/server/http/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireSystemAdmin({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(url.pathname)}`);
	if (!can(locals.actor, 'instance.administer', { type: 'instance' })) error(404);
	return locals.actor;
}

export const load: PageServerLoad = async (event) => {
	requireSystemAdmin(event);
	const rows = await event.locals.db.select({ slug: organizers.slug, name: organizers.name, kind: organizers.kind, orgNumber: organizers.orgNumber }).from(organizers);
	return { organizers: rows.sort((a, b) => a.name.localeCompare(b.name, 'sv-SE')), created: event.url.searchParams.get('skapad') };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireSystemAdmin(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const parsed = createOrganizerSchema.safeParse({ ...values, kind: values.kind || undefined, password: data.get('password') ?? '' });
		if (!parsed.success) return fail(400, { values, issues: zodIssues(parsed.error.issues) });
		let slug: string;
		try {
			slug = (await createOrganizer(event.locals.db, { actor, input: parsed.data })).organizer.slug;
		} catch (e) {
			return failFromError(e, values);
		}
		redirect(303, `/system?skapad=${encodeURIComponent(slug)}`);
	}
};
