import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { appDecisions, appRequestChecks, appRequests, appTools, supportCounters, ticketEvents, tickets } from '../db/schema';
import { nameKey } from '../apps/save-tool';
import { groupText, decisionReply, requestDescription, requestTitle } from '../apps/requests/request-texts';
import { requestDueAt } from '../apps/requests/request-timing';
import { workingCalendarFor } from '../support/sla-refresh/working-calendar-for';
import { todayInStockholm } from '../auth/load-actor';
import { stockholmInstant } from '../planning/forums/forum-input';
import { formatDay, parseDay, weekday } from '../support/sla/days';
import { backfillTicketIndex } from '../support/tickets/backfill-ticket-index';
import type { DemoOrganizer } from './build-demo-organizer';
import { DEMO_REQUESTS } from './demo-app-request-catalogue';

/**
 * Ten requests for new tools (issue 18 item 9): each an ordinary pedagogical support case filed by a member of staff
 * at the unit, linked to a new, undecided register entry — six decided since (the decision answers the case and
 * solves it), four still open, some with checks ticked. Filed some days back from today (the dates move with it); due dates on
 * the organizer's calendar as a real request's. Every step falls on a weekday in working hours and the case's state,
 * line and first response follow its timeline, as the support demo's own cases do (build-demo-support.db.spec). A
 * decided case carries no cause: settleToolRequests solves it with the decision's reply and no cause, and so does the
 * demo. Inserted directly, without audit, as the rest of the demo, then indexed for the queue search.
 */
export async function buildDemoAppRequests(tx: Db, demo: DemoOrganizer, opts: { decidedBy: string; now?: Date }): Promise<number> {
	const now = opts.now ?? new Date();
	const organizerId = demo.organizerId;
	const calendar = await workingCalendarFor(tx, organizerId);
	const teacherEmails = new Set(demo.signIns.map((s) => s.email));
	const [counter] = await tx
		.select({ last: supportCounters.lastNumber })
		.from(supportCounters)
		.where(eq(supportCounters.organizerId, organizerId));
	let number = counter?.last ?? 0;
	const today = parseDay(todayInStockholm(now));
	let made = 0;
	for (const [i, r] of DEMO_REQUESTS.entries()) {
		const unitId = demo.units[r.unitKey];
		const staff = demo.people.staff.filter((p) => p.unitKey === r.unitKey && !teacherEmails.has(p.email));
		const requester = staff[(i * 3) % Math.max(1, staff.length)];
		if (!unitId || !requester) continue;
		const filedDay = weekdayBack(today - r.daysAgo);
		const filedAt = stockholmInstant(formatDay(filedDay), '09:40');
		const decidedAt = r.decided ? stockholmInstant(formatDay(weekdayOn(filedDay + r.decided.afterDays)), '14:10') : null;
		const startedAt = r.checks && !decidedAt ? stockholmInstant(formatDay(filedDay), '10:40') : null;
		const [tool] = await tx
			.insert(appTools)
			.values({
				organizerId,
				name: r.name,
				nameKey: nameKey(r.name),
				vendor: r.vendor,
				kind: 'app',
				description: r.purpose,
				schoolForms: r.forms,
				dataDescription: r.data
			})
			.returning({ id: appTools.id });
		const ticketId = randomUUID();
		number += 1;
		const group = groupText(r.forms, r.years?.[0] ?? null, r.years?.[1] ?? null);
		await tx.insert(tickets).values({
			id: ticketId,
			organizerId,
			number,
			chain: 'pedagogical',
			unitId,
			requesterId: requester.id,
			filedById: requester.id,
			title: requestTitle(r.name),
			description: requestDescription({ name: r.name, vendor: r.vendor, url: '', purpose: r.purpose, group, dataDescription: r.data }),
			urgency: 'normal',
			state: decidedAt ? 'solved' : r.checks ? 'in_progress' : 'new',
			line: 1,
			firstResponseAt: decidedAt ?? startedAt,
			solvedAt: decidedAt,
			solvedById: decidedAt ? opts.decidedBy : null,
			slaStatus: decidedAt ? 'met' : 'running',
			createdAt: filedAt,
			updatedAt: decidedAt ?? startedAt ?? filedAt
		});
		const events: (typeof ticketEvents.$inferInsert)[] = [
			{
				ticketId,
				organizerId,
				actorId: requester.id,
				by: 'requester',
				kind: 'filed',
				public: true,
				body: '',
				stateTo: 'new',
				lineTo: 1,
				data: {},
				createdAt: filedAt
			}
		];
		let decisionId: string | null = null;
		if (r.decided && decidedAt) {
			const d = {
				outcome: r.decided.outcome,
				schoolForms: r.decided.outcome === 'refused' ? [] : r.forms,
				yearFrom: r.decided.outcome === 'refused' ? null : (r.years?.[0] ?? null),
				yearTo: r.decided.outcome === 'refused' ? null : (r.years?.[1] ?? null),
				conditions: r.decided.conditions ?? '',
				reasons: r.decided.reasons ?? ''
			};
			const [decision] = await tx
				.insert(appDecisions)
				.values({ organizerId, toolId: tool.id, ...d, decidedBy: opts.decidedBy, decidedAt })
				.returning({ id: appDecisions.id });
			decisionId = decision.id;
			events.push({
				ticketId,
				organizerId,
				actorId: opts.decidedBy,
				by: 'handler',
				kind: 'solve',
				public: true,
				body: decisionReply({ ...d, toolName: r.name }),
				stateTo: 'solved',
				data: { appDecisionId: decision.id },
				createdAt: decidedAt
			});
		} else if (startedAt) {
			events.push({
				ticketId,
				organizerId,
				actorId: opts.decidedBy,
				by: 'handler',
				kind: 'state',
				public: true,
				body: '',
				stateTo: 'in_progress',
				data: { stateFrom: 'new' },
				createdAt: startedAt
			});
		}
		await tx.insert(ticketEvents).values(events);
		const [request] = await tx
			.insert(appRequests)
			.values({
				organizerId,
				ticketId,
				toolId: tool.id,
				purpose: r.purpose,
				schoolForms: r.forms,
				yearFrom: r.years?.[0] ?? null,
				yearTo: r.years?.[1] ?? null,
				dataDescription: r.data,
				requestedBy: requester.id,
				dueAt: requestDueAt(calendar, filedAt),
				decisionId,
				decidedAt,
				createdAt: filedAt
			})
			.returning({ id: appRequests.id });
		if (r.checks?.length)
			await tx.insert(appRequestChecks).values(
				r.checks.map((item) => ({
					requestId: request.id,
					organizerId,
					item,
					checkedBy: opts.decidedBy,
					checkedAt: new Date(Math.min(filedAt.getTime() + 86_400_000, now.getTime() - 3_600_000))
				}))
			);
		made++;
	}
	await tx
		.update(supportCounters)
		.set({ lastNumber: sql`greatest(${supportCounters.lastNumber}, ${number})` })
		.where(eq(supportCounters.organizerId, organizerId));
	await backfillTicketIndex(tx, { organizerId });
	return made;
}

/** The day itself when a weekday, else the Friday before (a request is filed on a working day). */
const weekdayBack = (day: number) => day - ([0, 6].includes(weekday(day)) ? (weekday(day) === 0 ? 2 : 1) : 0);
/** The day itself when a weekday, else the Monday after (a decision is made on a working day). */
const weekdayOn = (day: number) => day + ([0, 6].includes(weekday(day)) ? (weekday(day) === 6 ? 2 : 1) : 0);
