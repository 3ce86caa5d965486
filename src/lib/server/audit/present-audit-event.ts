import { can, type Actor } from '../policies';
import type { AuditEventRow } from './find-audit-events';

/** A changed field: its name and the values before and after, as text (null = empty). */
export type PresentedChange = { field: string; before: string | null; after: string | null };
/** A detail of an event that is not a change, e.g. the sign-in method. */
export type PresentedDetail = { field: string; value: string | null };

export type PresentedAuditEvent = {
	id: number;
	/** ISO timestamp; the page formats it in Swedish time. */
	at: string;
	/** Null for anonymous or system events. */
	actor: { name: string | null; protectedIdentity: boolean } | null;
	action: string;
	entityType: string;
	/** A readable name for the record when one is known (a person, a unit). */
	entityName: string | null;
	entityId: string | null;
	changes: PresentedChange[];
	details: PresentedDetail[];
	/** True when the event concerns a protected person the viewer may not see. */
	hidden: boolean;
};

const SECRET_FIELD = /password|hash|token|secret/i;
const MAX_VALUE = 300;

function asText(field: string, v: unknown): string | null {
	if (v === null || v === undefined || v === '') return null;
	if (SECRET_FIELD.test(field)) return '••••••';
	const s = typeof v === 'string' ? v : JSON.stringify(v);
	return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

const isPair = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2;

/**
 * The fields of an audit event a page may show. Names of people with protected identity,
 * and what their events contain, are shown only to viewers the person policy allows
 * (organization administrators); everyone else sees that the event happened.
 */
export function presentAuditEvent(row: AuditEventRow, viewer: Actor, organizerId: string): PresentedAuditEvent {
	const mayView = (protectedIdentity: boolean) => can(viewer, 'person.view', { type: 'person', organizerId, protectedIdentity });
	const actorProtected = row.actorProtected ?? false;
	const entityProtected = row.entityPersonProtected ?? false;
	const hidden = !mayView(actorProtected) || !mayView(entityProtected);
	const entries = hidden ? [] : Object.entries(row.changes ?? {});
	return {
		id: row.id,
		at: row.createdAt.toISOString(),
		actor: row.actorId ? { name: mayView(actorProtected) ? (row.actorName ?? null) : null, protectedIdentity: actorProtected } : null,
		action: row.action,
		entityType: row.entityType,
		entityName: mayView(entityProtected) ? (row.entityPersonName ?? row.entityUnitName ?? null) : null,
		// An id equal to the organizer's (its statement, its settings) tells the reader nothing.
		entityId: row.entityId === organizerId ? null : row.entityId,
		changes: entries.flatMap(([field, v]) => (isPair(v) ? [{ field, before: asText(field, v[0]), after: asText(field, v[1]) }] : [])),
		details: entries.flatMap(([field, v]) => (isPair(v) ? [] : [{ field, value: asText(field, v) }])),
		hidden
	};
}
