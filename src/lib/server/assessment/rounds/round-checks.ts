import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds, organizers, units } from '../../db/schema';
import { AppError, isAppError, type FieldIssue } from '../../errors';
import { listFrameworks } from '../framework/list-frameworks';
import { getFramework } from '../framework/get-framework';
import { roundStatus } from './round-status';
import type { Round } from './get-round';

/** The fields of a round that audit events record. */
export const AUDITED_ROUND_FIELDS = [
	'name',
	'frameworkKey',
	'frameworkVersion',
	'perspectives',
	'opensOn',
	'closesOn',
	'unitIds',
	'closedAt',
	'reminderDays'
] as const;

/**
 * Issue on `framework` unless key@version is a shipped framework file that loads: a file with
 * errors (a duplicate item key, a missing level) must not get a round that no page can show.
 */
export async function frameworkIssues(key: string, version: string): Promise<FieldIssue[]> {
	const found = (await listFrameworks()).some((f) => f.key === key && f.version === version);
	if (!found) return [{ field: 'framework', message: 'rounds_error_framework_unknown' }];
	const error = await getFramework(key, version).then(
		() => null,
		(e: unknown) => e
	);
	if (isAppError(error) && error.code === 'INVALID') return [{ field: 'framework', message: 'rounds_error_framework_invalid' }];
	if (error) throw error;
	return [];
}

/** Issue on `unitIds` unless every id is an active unit of this organizer. */
export async function unitIssues(db: Db, organizerId: string, unitIds: string[]): Promise<FieldIssue[]> {
	const rows = await db
		.select({ id: units.id })
		.from(units)
		.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt), inArray(units.id, unitIds)));
	return rows.length === unitIds.length ? [] : [{ field: 'unitIds', message: 'rounds_error_unit_not_found' }];
}

/** CONFLICT once a round is closed: nothing about it may change. */
export function requireNotClosed(round: Pick<Round, 'opensOn' | 'closesOn' | 'closedAt'>): void {
	if (roundStatus(round) === 'closed') throw new AppError('CONFLICT', 'rounds_error_closed');
}

/** Locks the round row for the rest of the transaction, so two edits do not interleave. */
export async function lockRound(tx: Db, organizerId: string, roundId: string): Promise<void> {
	await tx
		.select({ id: assessmentRounds.id })
		.from(assessmentRounds)
		.where(and(eq(assessmentRounds.id, roundId), eq(assessmentRounds.organizerId, organizerId)))
		.for('update');
}

/** The organizer's anonymity threshold (settings.anonymityThreshold), 5 when unset or odd. */
export async function organizerThreshold(db: Db, organizerId: string): Promise<number> {
	const [row] = await db.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId));
	const v = row?.settings?.anonymityThreshold;
	return typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 50 ? v : 5;
}

/** A round as the audit log records it. */
export function auditRound(r: Omit<Round, 'closedAt'> & { closedAt: Date | null }) {
	return {
		name: r.name,
		frameworkKey: r.frameworkKey,
		frameworkVersion: r.frameworkVersion,
		perspectives: r.perspectives,
		opensOn: r.opensOn,
		closesOn: r.closesOn,
		unitIds: [...r.unitIds].sort(),
		closedAt: r.closedAt ? r.closedAt.toISOString() : null,
		reminderDays: r.reminderDays
	};
}
