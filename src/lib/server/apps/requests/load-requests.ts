import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { appRequests, appTools, tickets } from '../../db/schema';

/** The organizer's requests with their tool and case, newest first (`where` narrows them further). */
export function loadRequests(db: Db, organizerId: string, where?: SQL) {
	return db
		.select({
			id: appRequests.id,
			toolId: appRequests.toolId,
			toolName: appTools.name,
			toolVendor: appTools.vendor,
			ticketId: appRequests.ticketId,
			number: tickets.number,
			caseState: tickets.state,
			purpose: appRequests.purpose,
			schoolForms: appRequests.schoolForms,
			yearFrom: appRequests.yearFrom,
			yearTo: appRequests.yearTo,
			dataDescription: appRequests.dataDescription,
			requestedBy: appRequests.requestedBy,
			createdAt: appRequests.createdAt,
			dueAt: appRequests.dueAt,
			decisionId: appRequests.decisionId,
			decidedAt: appRequests.decidedAt
		})
		.from(appRequests)
		.innerJoin(appTools, eq(appTools.id, appRequests.toolId))
		.innerJoin(tickets, eq(tickets.id, appRequests.ticketId))
		.where(and(eq(appRequests.organizerId, organizerId), where))
		.orderBy(desc(appRequests.createdAt), desc(appRequests.id));
}
