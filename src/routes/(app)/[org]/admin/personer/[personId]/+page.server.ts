import { redirect, type RequestEvent } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, throwHttp, runAction } from '$lib/server/http/errors';
import { findVisibleUnits } from '$lib/server/org/find-visible-units';
import { ASSIGNABLE_ROLES } from '$lib/server/policies/roles';
import { getPersonById } from '$lib/server/people/get-person-by-id';
import { updatePerson } from '$lib/server/people/update-person';
import { deactivatePerson, reactivatePerson } from '$lib/server/people/deactivate-person';
import { assignRole } from '$lib/server/people/assign-role';
import { removeRoleAssignment } from '$lib/server/people/remove-role';
import { canManageIdentity } from '$lib/server/people/identity-scope';
import { findRoleAssignmentsOfPerson } from '$lib/server/people/find-role-assignments';
import { personFormValues, presentAssignmentOfPerson, presentPerson } from '$lib/server/people/present-person';
import { getTwoFactorState } from '$lib/server/auth/two-factor/get-two-factor-state';
import { resetTwoFactor } from '$lib/server/auth/two-factor/reset-two-factor';
import type { Actions, PageServerLoad } from './$types';

/** ?klart=… after a redirect → the notice to show. */
const NOTICES: Record<string, string> = {
	skapad: 'people_notice_created',
	sparad: 'people_notice_saved',
	inaktiverad: 'people_notice_deactivated',
	aktiverad: 'people_notice_reactivated',
	'roll-tillagd': 'people_notice_role_added',
	'roll-borttagen': 'people_notice_role_removed',
	tvasteg: 'twofactor_admin_reset_done'
};

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'person.manage');
	const { db } = event.locals;
	const ids = { actor, organizerId: organizer.id, personId: event.params.personId };
	try {
		const person = await getPersonById(db, ids);
		const assignments = await findRoleAssignmentsOfPerson(db, ids);
		const units = await findVisibleUnits(db, actor, organizer.id);
		return {
			person: presentPerson(person),
			personValues: personFormValues(person),
			isSelf: person.id === actor.personId,
			identityEditable: await canManageIdentity(db, actor, person.id),
			twoFactorOn: (await getTwoFactorState(db, person.id)).state === 'on',
			assignments: assignments.map(presentAssignmentOfPerson),
			units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
			roles: [...ASSIGNABLE_ROLES],
			notice: NOTICES[event.url.searchParams.get('klart') ?? ''] ?? null
		};
	} catch (e) {
		throwHttp(e);
	}
};

/** Runs one intent for the person in the URL; redirects with a notice or fails keeping the values. */
async function act(
	event: RequestEvent<{ org: string; personId: string }>,
	intent: string,
	done: string,
	run: (ctx: {
		actor: App.Locals['actor'] & object;
		organizerId: string;
		personId: string;
		values: Record<string, string>;
	}) => Promise<unknown>
) {
	const { actor, organizer } = await requireOrganizer(event, 'person.manage');
	const values = { ...formValues(await event.request.formData()), intent };
	return runAction(
		async () => {
			await run({ actor, organizerId: organizer.id, personId: event.params.personId, values });
			redirect(303, `/${organizer.slug}/admin/personer/${event.params.personId}?klart=${done}`);
		},
		{ values }
	);
}

export const actions: Actions = {
	update: (event) => act(event, 'update', 'sparad', ({ values, ...ids }) => updatePerson(event.locals.db, { ...ids, input: values })),
	deactivate: (event) => act(event, 'deactivate', 'inaktiverad', (ids) => deactivatePerson(event.locals.db, ids)),
	reactivate: (event) => act(event, 'reactivate', 'aktiverad', (ids) => reactivatePerson(event.locals.db, ids)),
	assign: (event) => act(event, 'assign', 'roll-tillagd', ({ values, ...ids }) => assignRole(event.locals.db, { ...ids, input: values })),
	resetTwoFactor: (event) => act(event, 'resetTwoFactor', 'tvasteg', (ids) => resetTwoFactor(event.locals.db, ids)),
	remove: (event) =>
		act(event, 'remove', 'roll-borttagen', ({ actor, organizerId, values }) =>
			removeRoleAssignment(event.locals.db, { actor, organizerId, assignmentId: values.assignmentId ?? '' })
		)
};
