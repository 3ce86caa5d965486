import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { getRound } from '$lib/server/assessment/rounds/get-round';
import { roundStatus } from '$lib/server/assessment/rounds/round-status';
import { updateRound } from '$lib/server/assessment/rounds/update-round';
import { loadRoundFormOptions } from '$lib/server/assessment/rounds/load-round-form-options';
import { PERSPECTIVES } from '$lib/server/assessment/framework/framework-schema';
import { DEFAULT_REMINDER_DAYS, formatReminderDays } from '$lib/server/assessment/answer-reminders/reminder-days';
import { failRoundForm, readRoundForm } from '../../round-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
	const db = event.locals.db;
	const round = await getRound(db, { organizerId: organizer.id, roundId: event.params.roundId }).catch(throwHttp);
	const options = await loadRoundFormOptions(db, { actor, organizerId: organizer.id, keep: round.unitIds }).catch(throwHttp);
	return {
		...options,
		perspectives: PERSPECTIVES,
		roundId: round.id,
		roundName: round.name,
		closed: roundStatus(round) === 'closed',
		current: {
			name: round.name,
			framework: `${round.frameworkKey}@${round.frameworkVersion}`,
			unitIds: round.unitIds,
			perspectives: round.perspectives,
			opensOn: round.opensOn,
			closesOn: round.closesOn,
			remind: round.reminderDays.length > 0,
			remindDays: formatReminderDays(round.reminderDays.length ? round.reminderDays : DEFAULT_REMINDER_DAYS)
		}
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'assessment.manage');
		if (!/^[0-9a-f-]{36}$/i.test(event.params.roundId)) error(404);
		const values = readRoundForm(await event.request.formData());
		const bad = failRoundForm(values);
		if (bad) return bad;
		return runAction(
			async () => {
				await updateRound(event.locals.db, { actor, organizerId: organizer.id, roundId: event.params.roundId, input: values });
				redirect(303, `/${organizer.slug}/skattning/${event.params.roundId}?klart=sparad`);
			},
			{ values }
		);
	}
};
