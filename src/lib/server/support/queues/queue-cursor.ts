import { isUuid } from '../../ids';
/** Microsecond UTC time as PostgreSQL keeps it (a JS Date would round it to milliseconds and skip rows). */
const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Sort orders of the queue: newest first, or the nearest SLA deadline first. */
export const QUEUE_SORTS = ['newest', 'deadline'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The order of a page: a sort the person chose, or "relevance" (a search typed with the default sort). */
export type QueueOrder = QueueSort | 'relevance';

/**
 * Where a page of the queue ends: the last row's sort value (created_at for "newest",
 * sla_due_at — possibly null — for "deadline", as microsecond UTC text; the search rank as a number's text for
 * "relevance") and its id as the tie-breaker.
 */
export type QueueCursor = { sort: QueueOrder; at: string | null; id: string };
const RANK = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

/** Encodes a keyset position for a URL. */
export function encodeQueueCursor(c: QueueCursor): string {
	return Buffer.from(JSON.stringify([c.sort, c.at, c.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor for the given sort; anything malformed or for another sort gives null (first page). */
export function decodeQueueCursor(value: string | null | undefined, sort: QueueOrder): QueueCursor | null {
	if (!value || value.length > 500) return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (!Array.isArray(parsed) || parsed.length !== 3) return null;
		const [s, at, id] = parsed;
		if (s !== sort || typeof id !== 'string' || !isUuid(id)) return null;
		if (at === null) return sort === 'deadline' ? { sort, at: null, id } : null;
		if (sort === 'relevance') return typeof at === 'string' && at.length < 40 && RANK.test(at) ? { sort, at, id } : null;
		if (typeof at !== 'string' || !MICROS.test(at) || Number.isNaN(Date.parse(at))) return null;
		return { sort, at, id };
	} catch {
		return null;
	}
}
