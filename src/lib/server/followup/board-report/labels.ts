import { m } from '$lib/paraglide/messages';

type Opt = { locale: 'sv' | 'en' };

/** A planning action's status in words. */
export function actionStatusLabel(status: string, o: Opt): string {
	switch (status) {
		case 'planned':
			return m.planning_status_planned({}, o);
		case 'in_progress':
			return m.planning_status_in_progress({}, o);
		case 'on_hold':
			return m.planning_status_on_hold({}, o);
		case 'done':
			return m.planning_status_done({}, o);
		case 'dropped':
			return m.planning_status_dropped({}, o);
		default:
			return status;
	}
}

/** A forum decision's status in words. */
export function decisionStatusLabel(status: string, o: Opt): string {
	if (status === 'done') return m.board_decision_done({}, o);
	if (status === 'dropped') return m.board_decision_dropped({}, o);
	return m.board_decision_open({}, o);
}

/** Whether an effect indicator moved, in words. */
export function movementLabel(movement: string, o: Opt): string {
	if (movement === 'moved') return m.effects_moved_moved({}, o);
	if (movement === 'not_moved') return m.effects_moved_not_moved({}, o);
	return m.effects_moved_too_little({}, o);
}

/** An SLA measure's name. */
export function slaLabel(kind: string, o: Opt): string {
	if (kind === 'first_response') return m.board_sla_first_response({}, o);
	if (kind === 'feedback') return m.board_sla_feedback({}, o);
	return m.board_sla_resolution({}, o);
}

/** A figure compared between units. */
export function spreadFigureLabel(figure: string, o: Opt): string {
	return figure === 'cases' ? m.board_fig_cases({}, o) : m.board_fig_lost_lessons({}, o);
}
