import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { appRequestChecks, appRequests, REQUEST_CHECKS } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { workingCalendarFor } from '../../support/sla-refresh/working-calendar-for';
import { getTool } from '../get-tool';
import { loadRequests } from './load-requests';
import { leadWorkingDays, requestStanding } from './request-timing';

/**
 * One request for the 2nd line's review (apps.manage): what was asked, by whom (a protected identity as its
 * pseudonym), the case it was filed as, the due date and standing, the checklist — every item, ticked or not, with
 * note, by whom and when — and the tool with its agreement state and decisions, for the decision form.
 * NOT_FOUND for a request of another organizer or a malformed id.
 */
export async function getAppRequest(db: Db, opts: { actor: Actor; organizerId: string; requestId: string; now?: Date }) {
	const { actor, organizerId, requestId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const [request] = isUuid(requestId) ? await loadRequests(db, organizerId, eq(appRequests.id, requestId)) : [];
	if (!request) throw new AppError('NOT_FOUND', 'no such request');
	const [checks, tool, calendar] = await Promise.all([
		db
			.select()
			.from(appRequestChecks)
			.where(and(eq(appRequestChecks.requestId, request.id), eq(appRequestChecks.organizerId, organizerId))),
		getTool(db, { actor, organizerId, toolId: request.toolId }),
		workingCalendarFor(db, organizerId)
	]);
	const names = await shownNamesById(db, {
		actor,
		organizerId,
		personIds: [request.requestedBy, ...checks.map((c) => c.checkedBy)],
		via: `app_request:${request.id}`
	});
	const byItem = new Map(checks.map((c) => [c.item, c]));
	return {
		request: {
			id: request.id,
			number: request.number,
			caseState: request.caseState,
			purpose: request.purpose,
			schoolForms: request.schoolForms,
			yearFrom: request.yearFrom,
			yearTo: request.yearTo,
			dataDescription: request.dataDescription,
			requesterName: names.get(request.requestedBy) ?? '',
			createdAt: request.createdAt,
			dueAt: request.dueAt,
			decidedAt: request.decidedAt,
			standing: requestStanding(request, opts.now ?? new Date()),
			leadDays: request.decidedAt ? Math.round(leadWorkingDays(calendar, request.createdAt, request.decidedAt) * 10) / 10 : null
		},
		checklist: REQUEST_CHECKS.map((item) => {
			const c = byItem.get(item);
			return { item, done: !!c, note: c?.note ?? '', by: c ? (names.get(c.checkedBy) ?? '') : null, at: c?.checkedAt ?? null };
		}),
		tool
	};
}
