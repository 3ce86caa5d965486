/** An action's statuses, in the order a plan lists them. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'on_hold', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const isActionStatus = (v: string): v is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(v);

/** Statuses in which an action is still to be done: past its due date it is overdue. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'on_hold'];

/** Whether an action is overdue on `today` (YYYY-MM-DD). */
export const isOverdue = (a: { status: string; dueOn: string | null }, today: string) =>
	!!a.dueOn && a.dueOn < today && (OPEN_STATUSES as readonly string[]).includes(a.status);
