import type { Db } from '../../db';
import { assessmentRoundUnits, assessmentRounds } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { parseRoundInput, splitFramework, type RoundInput } from './round-input';
import { AUDITED_ROUND_FIELDS, auditRound, frameworkIssues, organizerThreshold, unitIssues } from './round-checks';
import { throwIfIssues } from '../../errors';
import { DEFAULT_REMINDER_DAYS, reminderDaysOf } from '../answer-reminders/reminder-days';

export type CreateRoundOptions = { actor: Actor | null; organizerId: string; input: RoundInput };

/**
 * Creates a skattningsomgång: a shipped framework version, at least one active unit of the
 * organizer, at least one perspective, and close date on or after the open date. The
 * anonymity threshold is copied from the organizer's settings. Bad input: AppError('INVALID')
 * with field issues, and nothing is written.
 */
export async function createRound(db: Db, { actor, organizerId, input }: CreateRoundOptions) {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId });
	const data = parseRoundInput(input);
	const { key, version } = splitFramework(data.framework);
	return db.transaction(async (tx) => {
		throwIfIssues([...(await frameworkIssues(key, version)), ...(await unitIssues(tx, organizerId, data.unitIds))]);
		const [row] = await tx
			.insert(assessmentRounds)
			.values({
				organizerId,
				name: data.name,
				frameworkKey: key,
				frameworkVersion: version,
				perspectives: data.perspectives,
				opensOn: data.opensOn,
				closesOn: data.closesOn,
				reminderDays: reminderDaysOf(data) ?? [...DEFAULT_REMINDER_DAYS],
				anonymityThreshold: await organizerThreshold(tx, organizerId),
				createdBy: actor.personId
			})
			.returning();
		await tx.insert(assessmentRoundUnits).values(data.unitIds.map((unitId) => ({ roundId: row.id, unitId, organizerId })));
		const round = { ...row, unitIds: data.unitIds };
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'assessment_round.create',
			entityType: 'assessment_round',
			entityId: row.id,
			changes: diffFields(null, auditRound(round), [...AUDITED_ROUND_FIELDS])
		});
		return round;
	});
}
