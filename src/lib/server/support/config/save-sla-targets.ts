import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportSlaTargets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { FieldIssue } from '../../errors';
import { getSupportSettings } from '../settings';
import { CHAINS, URGENCIES } from '../constants';
import { authorizeConfigure, type ConfigOptions } from './config-common';
import { cellOf, type SlaCell } from './find-sla-targets';
import { parseDuration, SLA_KINDS, slaField, workdayMinutes } from './sla-duration';
import { throwIfIssues } from '../../errors';

/**
 * Saves the whole SLA table: for each chain × urgency, targets for first response, feedback,
 * resolution and time at each line, typed as "3 d" or "4 t" in the fields named by `slaField`.
 * Any bad cell refuses the lot (INVALID, one issue per cell). Only changed rows are written and
 * audited, in one event. Cases already filed keep the targets they were filed with.
 */
export async function saveSlaTargets(db: Db, { actor, organizerId, input }: ConfigOptions & { input: Record<string, string> }) {
	authorizeConfigure(actor, organizerId);
	const settings = await getSupportSettings(db, organizerId);
	const dayMinutes = workdayMinutes(settings.workdayStart, settings.workdayEnd);
	const issues: FieldIssue[] = [];
	const wanted = new Map<string, SlaCell>();
	for (const chain of CHAINS) {
		for (const urgency of URGENCIES) {
			const cell = {} as SlaCell;
			for (const kind of SLA_KINDS) {
				const field = slaField(chain, urgency, kind);
				const raw = input[field];
				const parsed = parseDuration(typeof raw === 'string' ? raw.slice(0, 50) : '', dayMinutes);
				if (parsed.ok) cell[kind] = parsed.minutes;
				else issues.push({ field, message: parsed.message });
			}
			wanted.set(`${chain}-${urgency}`, cell);
		}
	}
	throwIfIssues(issues);
	return db.transaction(async (tx) => {
		const rows = await tx.select().from(supportSlaTargets).where(eq(supportSlaTargets.organizerId, organizerId)).for('update');
		const existing = new Map(rows.map((r) => [`${r.chain}-${r.urgency}`, cellOf(r)]));
		const changes: Record<string, [number | null, number | null]> = {};
		for (const [key, cell] of wanted) {
			const before = existing.get(key);
			const diff = SLA_KINDS.filter((k) => (before?.[k] ?? null) !== cell[k]);
			if (diff.length === 0) continue;
			for (const k of diff) changes[`${key}-${k}`] = [before?.[k] ?? null, cell[k]];
			const [chain, urgency] = key.split('-');
			const values = {
				firstResponseMinutes: cell.firstResponse,
				feedbackMinutes: cell.feedback,
				resolutionMinutes: cell.resolution,
				line1Minutes: cell.line1,
				line2Minutes: cell.line2,
				line3Minutes: cell.line3,
				updatedAt: new Date()
			};
			if (SLA_KINDS.every((k) => cell[k] == null)) {
				await tx
					.delete(supportSlaTargets)
					.where(
						and(eq(supportSlaTargets.organizerId, organizerId), eq(supportSlaTargets.chain, chain), eq(supportSlaTargets.urgency, urgency))
					);
			} else {
				await tx
					.insert(supportSlaTargets)
					.values({ organizerId, chain, urgency, ...values })
					.onConflictDoUpdate({ target: [supportSlaTargets.organizerId, supportSlaTargets.chain, supportSlaTargets.urgency], set: values });
			}
		}
		if (Object.keys(changes).length === 0) return { changed: 0 };
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.sla_update',
			entityType: 'organizer',
			entityId: organizerId,
			changes
		});
		return { changed: Object.keys(changes).length };
	});
}
