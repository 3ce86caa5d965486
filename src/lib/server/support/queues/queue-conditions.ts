import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../policies';
import { OPEN_STATES } from '../constants';
import type { QueueFilters, QueueView, SlaFilter } from './queue-params';
import { myUnitsWhere, workableTicketsWhere } from '../../policies/support-visibility';

/** Fixed vocabularies go into the SQL as literals so partial indexes on open cases can be used. */
const literalList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '));
export const OPEN_STATES_SQL = sql`tickets.state IN (${literalList(OPEN_STATES)})`;

/** The SLA status as the queue shows it: a running clock past its deadline is breached even before a job notices. */
export const SHOWN_SLA_STATUS = sql<string>`CASE WHEN tickets.sla_status IN ('running', 'at_risk') AND tickets.sla_due_at < now() THEN 'breached' ELSE tickets.sla_status END`;

/** The "deadline" order's key: when an open case became overdue, else its next deadline (tickets_urgent_first_idx). */
export const DEADLINE_KEY = sql`coalesce(tickets.sla_overdue_since, tickets.sla_due_at)`;

/**
 * "Snart försenade" (decision 027): open, not yet overdue, with a running deadline that is either within
 * SOON_HOURS of now or past 80 % of its target (sla_status at_risk, the SLA code's own threshold).
 */
export const SOON_HOURS = 4;
const SOON = sql`(${OPEN_STATES_SQL} AND tickets.sla_overdue_since IS NULL AND tickets.sla_due_at >= now()
	AND (tickets.sla_status = 'at_risk' OR tickets.sla_due_at < now() + make_interval(hours => ${SOON_HOURS})))`;

/** What each tab adds to the visibility rule. */
export function viewCondition(view: QueueView, actor: Actor, organizerId: string): SQL | null {
	switch (view) {
		case 'unassigned':
			return sql`(${OPEN_STATES_SQL} AND tickets.assignee_id IS NULL AND ${workableTicketsWhere(actor, organizerId)})`;
		case 'mine':
			// Solved cases stay in "mine" until closed, so they can be closed from here.
			return sql`(tickets.assignee_id = ${actor.personId} AND tickets.state <> 'closed')`;
		case 'units':
			return myUnitsWhere(actor, organizerId);
		case 'soon':
			return SOON;
		case 'waiting':
			return sql`tickets.state IN ('waiting_requester', 'waiting_supplier')`;
		case 'all':
			return null;
	}
}

function slaCondition(sla: SlaFilter): SQL {
	switch (sla) {
		case 'breached':
			return sql`(tickets.sla_status = 'breached' OR (tickets.sla_status IN ('running', 'at_risk') AND tickets.sla_due_at < now()))`;
		case 'paused':
			return sql`tickets.sla_status = 'paused'`;
		default:
			return sql`(tickets.sla_status = ${sla} AND (tickets.sla_due_at IS NULL OR tickets.sla_due_at >= now()))`;
	}
}

/**
 * The filters of the form as SQL. `unitIds` is the chosen unit with everything below it, and `search` the free
 * text's condition (prepareQueueSearch), both resolved beforehand so the planner sees plain values.
 */
export function filterConditions(f: QueueFilters, unitIds: string[] | null, search: SQL | null = null): SQL[] {
	const out: SQL[] = [];
	if (f.state) out.push(sql`tickets.state = ${f.state}`);
	if (f.chain) out.push(sql`tickets.chain = ${f.chain}`);
	if (f.line) out.push(sql`tickets.line = ${f.line}`);
	if (f.categoryId) out.push(sql`tickets.category_id = ${f.categoryId}`);
	if (f.modelId) out.push(sql`tickets.device_id IN (SELECT d.id FROM devices d WHERE d.model_id = ${f.modelId})`);
	if (unitIds)
		out.push(
			unitIds.length
				? sql`tickets.unit_id IN (${sql.join(
						unitIds.map((id) => sql`${id}::uuid`),
						sql`, `
					)})`
				: sql`false`
		);
	if (f.sla) out.push(slaCondition(f.sla));
	// Filed dates are Stockholm days, as in the follow-up (followup-filter.ts): `to` takes its whole day.
	if (f.from) out.push(sql`tickets.created_at >= (${f.from}::timestamp AT TIME ZONE 'Europe/Stockholm')`);
	if (f.to) out.push(sql`tickets.created_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`);
	if (search) out.push(search);
	return out;
}
