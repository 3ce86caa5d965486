import { can } from '$lib/server/policies';
import { findVisibleUnits } from '$lib/server/org/find-visible-units';
import { findAnswerableRounds } from '$lib/server/assessment/rounds/find-answerable-rounds';
import { throwHttp } from '$lib/server/http/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { getPlanningStart } from '$lib/server/planning/get-planning-start';
import { findStaffConclusions } from '$lib/server/assessment/conclusions/find-staff-conclusions';
import { findStartRates } from '$lib/server/assessment/rates/find-start-rates';
import { findHeldDevices } from '$lib/server/devices/find-held-devices';
import { hasTeamRepairs } from '$lib/server/devices/find-repairs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	// A supplier here only through their team: a pointer to the queue, nothing of the organizer's own.
	if (!can(actor, 'organizer.member', { type: 'organizer', organizerId: organizer.id }))
		return { supplierOnly: true as const, repairs: await hasTeamRepairs(event.locals.db, organizer.id, actor.teamIds ?? []) };
	const units = await findVisibleUnits(event.locals.db, actor, organizer.id);
	const roles = [...new Set(actor.assignments.filter((a) => a.organizerId === organizer.id).map((a) => a.role))];
	const assessments = await findAnswerableRounds(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const planning = await getPlanningStart(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const conclusions = await findStaffConclusions(event.locals.db, { actor, organizerId: organizer.id, limit: 5 });
	// Leadership, readers and administrators: how many have answered the open rounds and the latest closed one.
	const rates = await findStartRates(event.locals.db, { actor, organizerId: organizer.id });
	// The devices the person has (a school computer, a tablet): each opens its page with history and cases.
	const myDevices = await findHeldDevices(event.locals.db, { organizerId: organizer.id, personId: actor.personId });
	// Staff book class sets, robots and cameras from their unit's loaner pools (decision 056).
	const canBook = can(actor, 'devices.book', { type: 'organizer', organizerId: organizer.id });
	return { supplierOnly: false as const, units, roles, assessments, planning, conclusions, rates, myDevices, canBook };
};
