import { fail, redirect } from '@sveltejs/kit';
import { needsSetup, setupInstance, setupSchema } from '$lib/server/org/setup-instance';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { env } from '$lib/server/env';
import { formValues, zodIssues, runAction } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!(await needsSetup(locals.db))) redirect(303, '/logga-in');
};

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		const data = await request.formData();
		const values = formValues(data);
		const parsed = setupSchema.safeParse({ ...values, kind: values.kind || undefined, password: data.get('password') ?? '' });
		if (!parsed.success) return fail(400, { values, issues: zodIssues(parsed.error.issues) });
		return runAction(
			async () => {
				const { organizer, person } = await setupInstance(locals.db, parsed.data);
				const session = await createSession(locals.db, { personId: person.id, method: 'password', days: env.SESSION_DAYS });
				cookies.set(SESSION_COOKIE, session.token, { ...sessionCookieOptions(), expires: session.expiresAt });
				const slug = organizer.slug;
				redirect(303, `/${slug}`);
			},
			{ values, field: 'form' }
		);
	}
};
