import { can } from '$lib/server/policies';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findRounds } from '$lib/server/assessment/rounds/find-rounds';
import { findAnswerableRounds } from '$lib/server/assessment/rounds/find-answerable-rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	const db = event.locals.db;
	const [rounds, answerable] = await Promise.all([
		findRounds(db, { actor, organizerId: organizer.id }),
		findAnswerableRounds(db, { actor, organizerId: organizer.id })
	]).catch(throwHttp);
	return {
		rounds,
		answerable,
		canManage: can(actor, 'assessment.manage', { type: 'organizer', organizerId: organizer.id })
	};
};
