import { m } from '$lib/paraglide/messages';
import type { MailLocale } from '../../mail/bilingual-mail';
import { isActionStatus } from '../statuses';

const STATUS = {
	planned: m.planning_status_planned,
	in_progress: m.planning_status_in_progress,
	on_hold: m.planning_status_on_hold,
	done: m.planning_status_done,
	dropped: m.planning_status_dropped
};

/** An action's status as words in the language. */
export const actionStatusLabel = (status: string, locale: MailLocale) => (isActionStatus(status) ? STATUS[status]({}, { locale }) : status);

/** The plan an action sits in: the unit's name, or "Huvudmannens plan", with the läsår. */
export const planLabel = (unitName: string | null, period: string, locale: MailLocale) =>
	m.reminders_plan_label({ plan: unitName ?? m.planning_organizer_plan({}, { locale }), period }, { locale });
