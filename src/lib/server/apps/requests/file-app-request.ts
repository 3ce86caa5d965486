import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { appRequests, appTools } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { parseOrThrow, throwIfIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { fileTicket } from '../../support/tickets/file-ticket';
import { workingCalendarFor } from '../../support/sla-refresh/working-calendar-for';
import { nameKey } from '../save-tool';
import { requestSchema } from './request-input';
import { groupText, requestDescription, requestTitle } from './request-texts';
import { requestDueAt } from './request-timing';

/**
 * Asks for a new digital tool (apps.request, decision 047): files an ordinary support case in the chosen chain and
 * unit (fileTicket, with its own checks of who may file where), links it to the register entry of that name — a new
 * entry, undecided, when the register has none — and sets the target of a decision within 5 working days on the
 * organizer's calendar. All in one transaction; audited. INVALID beside the field for a missing name, purpose or
 * data, bad year groups or an address that is not http(s), and whatever the case filing refuses (unit, chain).
 */
export async function fileAppRequest(db: Db, opts: { actor: Actor; organizerId: string; input: Record<string, unknown> }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.request', { type: 'apps', organizerId });
	const input = parseOrThrow(requestSchema, opts.input);
	if (input.yearFrom !== null && input.yearTo !== null && input.yearTo < input.yearFrom)
		throwIfIssues([{ field: 'yearTo', message: 'apps_error_years_order' }]);
	const name = input.name.replace(/\s+/g, ' ');
	const calendar = await workingCalendarFor(db, organizerId);
	return db.transaction(async (tx) => {
		// The register keeps one entry per name: a request for a tool already there is linked to it.
		const added = await tx
			.insert(appTools)
			.values({
				organizerId,
				name,
				nameKey: nameKey(name),
				vendor: input.vendor,
				kind: 'app',
				url: input.url,
				description: input.purpose,
				schoolForms: input.schoolForms,
				dataDescription: input.dataDescription
			})
			.onConflictDoNothing({ target: [appTools.organizerId, appTools.nameKey] })
			.returning({ id: appTools.id });
		const [tool] = await tx
			.select({ id: appTools.id, name: appTools.name })
			.from(appTools)
			.where(and(eq(appTools.organizerId, organizerId), eq(appTools.nameKey, nameKey(name))));
		const ticket = await fileTicket(tx, {
			actor,
			organizerId,
			input: {
				chain: input.chain,
				unitId: input.unitId,
				urgency: 'normal',
				title: requestTitle(tool.name),
				description: requestDescription({
					...input,
					name: tool.name,
					group: groupText(input.schoolForms, input.yearFrom, input.yearTo)
				})
			}
		});
		const [request] = await tx
			.insert(appRequests)
			.values({
				organizerId,
				ticketId: ticket.id,
				toolId: tool.id,
				purpose: input.purpose,
				schoolForms: input.schoolForms,
				yearFrom: input.yearFrom,
				yearTo: input.yearTo,
				dataDescription: input.dataDescription,
				requestedBy: actor.personId,
				dueAt: requestDueAt(calendar, ticket.createdAt),
				createdAt: ticket.createdAt
			})
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_request.create',
			entityType: 'app_request',
			entityId: request.id,
			changes: {
				ticket: [null, ticket.number],
				tool: [null, tool.name],
				newTool: added.length > 0,
				dueAt: [null, request.dueAt.toISOString()]
			}
		});
		return { request, ticket, tool };
	});
}
