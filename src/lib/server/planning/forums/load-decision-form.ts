import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningActions } from '../../db/schema';
import type { Actor } from '../../policies';
import { loadActionForm } from '../load-action-form';
import { OPEN_STATUSES } from '../statuses';

/**
 * What the decision form offers: the organizer's active members as owners (as the action form lists them)
 * and its unfinished actions to point a decision at, by due date.
 */
export async function loadDecisionForm(db: Db, opts: { actor: Actor; organizerId: string }) {
	const [form, actions] = await Promise.all([
		loadActionForm(db, opts),
		db
			.select({ id: planningActions.id, title: planningActions.title, dueOn: planningActions.dueOn })
			.from(planningActions)
			.where(and(eq(planningActions.organizerId, opts.organizerId), inArray(planningActions.status, [...OPEN_STATUSES])))
			.orderBy(asc(planningActions.dueOn), asc(planningActions.title))
			.limit(300)
	]);
	return { owners: form.members.map((p) => ({ value: p.id, label: p.name })), actions: actions.map((a) => ({ value: a.id, label: a.title })) };
}
