import { and, eq, inArray, isNotNull, lte, notExists } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { dueRemindersSent, planningActions, planningPlans, units } from '../../db/schema';
import { OPEN_STATUSES } from '../statuses';
import { actionLink } from './action-link';
import { actionStatusLabel, planLabel } from './action-labels';
import type { DueSource } from './due-source';

/** Planning actions: the responsible person hears of an open action's due date. */
export const actionDueSource: DueSource = {
	key: 'action',
	entityType: 'planning_action',
	noun: { sv: m.reminders_noun_action({}, { locale: 'sv' }), en: m.reminders_noun_action({}, { locale: 'en' }) },
	async findOpenDue(db: Db, { organizerId, slug, until }) {
		const rows = await db
			.select({
				id: planningActions.id,
				title: planningActions.title,
				dueOn: planningActions.dueOn,
				status: planningActions.status,
				responsibleId: planningActions.responsibleId,
				period: planningPlans.period,
				unitName: units.name
			})
			.from(planningActions)
			.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
			.leftJoin(units, eq(units.id, planningPlans.unitId))
			.where(
				and(
					eq(planningActions.organizerId, organizerId),
					isNotNull(planningActions.dueOn),
					lte(planningActions.dueOn, until),
					inArray(planningActions.status, [...OPEN_STATUSES]),
					// Done with: the overdue mail for this date is sent. Keeps the hourly scan to actions still in play.
					notExists(
						db
							.select({ one: dueRemindersSent.itemId })
							.from(dueRemindersSent)
							.where(
								and(
									eq(dueRemindersSent.source, 'action'),
									eq(dueRemindersSent.itemId, planningActions.id),
									eq(dueRemindersSent.kind, 'overdue'),
									eq(dueRemindersSent.dueOn, planningActions.dueOn)
								)
							)
					)
				)
			);
		return rows.map((r) => ({
			itemId: r.id,
			organizerId,
			dueOn: r.dueOn!,
			recipientId: r.responsibleId,
			title: r.title,
			link: actionLink(slug, r.id),
			status: { sv: actionStatusLabel(r.status, 'sv'), en: actionStatusLabel(r.status, 'en') },
			place: { sv: planLabel(r.unitName, r.period, 'sv'), en: planLabel(r.unitName, r.period, 'en') }
		}));
	}
};
