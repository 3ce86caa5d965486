import { and, eq, inArray, notInArray, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentLinks, assessmentResponses, assessmentRoundUnits, assessmentRounds } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { diffFields, recordAudit } from '../../audit/record-audit';
import type { FieldIssue } from '../../errors';
import { getRound } from './get-round';
import { parseRoundInput, splitFramework, type RoundInput } from './round-input';
import { AUDITED_ROUND_FIELDS, auditRound, frameworkIssues, lockRound, requireNotClosed, unitIssues } from './round-checks';
import { throwIfIssues } from '../../errors';
import { reminderDaysOf } from '../answer-reminders/reminder-days';

export type UpdateRoundOptions = { actor: Actor | null; organizerId: string; roundId: string; input: RoundInput };

/** What already has answers: the units and perspectives with at least one response. */
async function answered(tx: Db, roundId: string) {
	const rows = await tx
		.selectDistinct({ unitId: assessmentResponses.unitId, perspective: assessmentResponses.perspective })
		.from(assessmentResponses)
		.where(eq(assessmentResponses.roundId, roundId));
	return { units: new Set(rows.map((r) => r.unitId)), perspectives: new Set(rows.map((r) => r.perspective)), any: rows.length > 0 };
}

/**
 * Changes a round that is not closed (CONFLICT otherwise). A unit or perspective that has
 * responses cannot be removed, and the framework cannot change once anyone has answered.
 * Links of removed units and perspectives are deleted. Bad input: AppError('INVALID'), nothing written.
 */
export async function updateRound(db: Db, { actor, organizerId, roundId, input }: UpdateRoundOptions) {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const before = await getRound(tx, { organizerId, roundId });
		await lockRound(tx, organizerId, before.id);
		requireNotClosed(before);
		const data = parseRoundInput(input);
		const { key, version } = splitFramework(data.framework);
		const done = await answered(tx, before.id);
		const issues: FieldIssue[] = [...(await frameworkIssues(key, version)), ...(await unitIssues(tx, organizerId, data.unitIds))];
		if (done.any && (key !== before.frameworkKey || version !== before.frameworkVersion))
			issues.push({ field: 'framework', message: 'rounds_error_framework_locked' });
		if (before.unitIds.some((u) => done.units.has(u) && !data.unitIds.includes(u)))
			issues.push({ field: 'unitIds', message: 'rounds_error_unit_has_responses' });
		if (before.perspectives.some((p) => done.perspectives.has(p) && !(data.perspectives as string[]).includes(p))) {
			issues.push({ field: 'perspectives', message: 'rounds_error_perspective_has_responses' });
		}
		throwIfIssues(issues);

		const [row] = await tx
			.update(assessmentRounds)
			.set({
				name: data.name,
				frameworkKey: key,
				frameworkVersion: version,
				perspectives: data.perspectives,
				opensOn: data.opensOn,
				closesOn: data.closesOn,
				reminderDays: reminderDaysOf(data) ?? before.reminderDays
			})
			.where(and(eq(assessmentRounds.id, before.id), eq(assessmentRounds.organizerId, organizerId)))
			.returning();
		const removed = before.unitIds.filter((u) => !data.unitIds.includes(u));
		const added = data.unitIds.filter((u) => !before.unitIds.includes(u));
		const linkScope = and(eq(assessmentLinks.roundId, before.id), eq(assessmentLinks.organizerId, organizerId));
		const dropLinks = [
			...(removed.length ? [inArray(assessmentLinks.unitId, removed)] : []),
			notInArray(assessmentLinks.perspective, data.perspectives)
		];
		await tx.delete(assessmentLinks).where(and(linkScope, or(...dropLinks)));
		if (removed.length) {
			await tx
				.delete(assessmentRoundUnits)
				.where(and(eq(assessmentRoundUnits.roundId, before.id), inArray(assessmentRoundUnits.unitId, removed)));
		}
		if (added.length) await tx.insert(assessmentRoundUnits).values(added.map((unitId) => ({ roundId: before.id, unitId, organizerId })));
		const after = { ...row, unitIds: data.unitIds };
		const changes = diffFields(auditRound(before), auditRound(after), [...AUDITED_ROUND_FIELDS]);
		if (Object.keys(changes).length) {
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'assessment_round.update',
				entityType: 'assessment_round',
				entityId: before.id,
				changes
			});
		}
		return after;
	});
}
