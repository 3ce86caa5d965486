import type { Db } from '../db';
import { auditEvents } from '../db/schema';

export type AuditEntry = {
	organizerId: string | null;
	actorId: string | null;
	action: string;
	entityType: string;
	entityId?: string | null;
	changes?: Record<string, unknown>;
};

/** Writes one audit event. Call it with the transaction that makes the change. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
	await tx.insert(auditEvents).values({
		organizerId: entry.organizerId,
		actorId: entry.actorId,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId ?? null,
		changes: entry.changes ?? {}
	});
}

/** The fields that differ between two versions of a record, as { field: [before, after] }. */
export function diffFields<T extends Record<string, unknown>>(
	before: T | null,
	after: T,
	fields: (keyof T)[]
): Record<string, [unknown, unknown]> {
	const out: Record<string, [unknown, unknown]> = {};
	for (const f of fields) {
		const a = before ? before[f] : null;
		const b = after[f];
		if (JSON.stringify(a) !== JSON.stringify(b)) out[String(f)] = [a ?? null, b ?? null];
	}
	return out;
}
