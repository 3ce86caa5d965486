import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { findOpenDecisions } from '../forums/find-open-decisions';
import type { DueSource } from './due-source';
import { planningLink } from './action-link';

/** Council decisions (decision 023): the owner of an open decision with a due date hears of it like an action's. */
export const decisionDueSource: DueSource = {
	key: 'decision',
	entityType: 'planning_decision',
	noun: { sv: m.reminders_noun_decision({}, { locale: 'sv' }), en: m.reminders_noun_decision({}, { locale: 'en' }) },
	async findOpenDue(db: Db, { organizerId, slug, until }) {
		return (await findOpenDecisions(db, { organizerId }))
			.filter((d) => d.dueOn !== null && d.dueOn <= until)
			.map((d) => ({
				itemId: d.id,
				organizerId,
				dueOn: d.dueOn!,
				recipientId: d.ownerId,
				title: d.title,
				link: planningLink(slug, d.path),
				status: { sv: m.reminders_decision_open({}, { locale: 'sv' }), en: m.reminders_decision_open({}, { locale: 'en' }) },
				place: { sv: d.forumName, en: d.forumName }
			}));
	}
};
