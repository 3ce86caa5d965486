import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreements, appDecisions, appTools } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { AppError, parseOrThrow, throwIfIssues, type FieldIssue } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { agreementState, mayApprove } from './agreement-state';
import { decisionSchema, type DecisionInput } from './tool-input';
import { settleToolRequests } from './requests/settle-tool-requests';

/** The rules of a decision that need no database (field issues, or none). */
export function checkDecision(input: DecisionInput): FieldIssue[] {
	const issues: FieldIssue[] = [];
	const approves = input.outcome !== 'refused';
	if (approves && input.schoolForms.length === 0) issues.push({ field: 'schoolForms', message: 'apps_error_forms_needed' });
	if (input.outcome === 'approved_with_conditions' && !input.conditions)
		issues.push({ field: 'conditions', message: 'apps_error_conditions_needed' });
	if (input.outcome === 'refused' && !input.reasons) issues.push({ field: 'reasons', message: 'apps_error_reasons_needed' });
	if (input.yearFrom !== null && input.yearTo !== null && input.yearTo < input.yearFrom)
		issues.push({ field: 'yearTo', message: 'apps_error_years_order' });
	return issues;
}

/**
 * Decides whether one of the organizer's tools may be used (apps.manage): approved for some school forms and year
 * groups, approved with conditions, or refused with reasons. The decision becomes the tool's standing on the
 * whitelist; the earlier ones stay as its history. A tool that handles personal data cannot be approved without a
 * data processing agreement that covers today (INVALID beside the outcome). Open requests for the tool are answered
 * through their support cases (settleToolRequests). Audited.
 */
export async function decideTool(
	db: Db,
	opts: { actor: Actor; organizerId: string; toolId: string; input: Record<string, unknown>; today?: string }
) {
	const { actor, organizerId, toolId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const input = parseOrThrow(decisionSchema, opts.input);
	throwIfIssues(checkDecision(input));
	const today = opts.today ?? todayInStockholm();
	return db.transaction(async (tx) => {
		const [tool] = isUuid(toolId)
			? await tx
					.select({ id: appTools.id, personalData: appTools.personalData })
					.from(appTools)
					.where(and(eq(appTools.id, toolId), eq(appTools.organizerId, organizerId)))
					.for('update')
			: [];
		if (!tool) throw new AppError('NOT_FOUND', 'no such tool');
		if (input.outcome !== 'refused') {
			const agreements = await tx
				.select({ validFrom: appAgreements.validFrom, validTo: appAgreements.validTo })
				.from(appAgreements)
				.where(eq(appAgreements.toolId, tool.id));
			const { state } = agreementState(agreements, { today, personalData: tool.personalData });
			if (!mayApprove(state, tool.personalData)) throwIfIssues([{ field: 'outcome', message: 'apps_error_no_agreement' }]);
		}
		const approves = input.outcome !== 'refused';
		const [row] = await tx
			.insert(appDecisions)
			.values({
				organizerId,
				toolId: tool.id,
				outcome: input.outcome,
				schoolForms: approves ? input.schoolForms : [],
				yearFrom: approves ? input.yearFrom : null,
				yearTo: approves ? input.yearTo : null,
				conditions: approves ? input.conditions : '',
				reasons: input.reasons,
				decidedBy: actor.personId
			})
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_tool.decide',
			entityType: 'app_tool',
			entityId: tool.id,
			changes: {
				outcome: [null, row.outcome],
				schoolForms: [null, row.schoolForms],
				years: [null, [row.yearFrom, row.yearTo]],
				conditions: [null, row.conditions]
			}
		});
		// A decision answers the tool's open requests: their cases are solved with the outcome (decision 047).
		await settleToolRequests(tx, { actor, organizerId, decision: row });
		return row;
	});
}
