import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentLinks, assessmentResponses } from '../../db/schema';
import { AppError } from '../../errors';

/** The most responses a link may be set to take; a group larger than this needs signed-in answering. */
export const MAX_LINK_CAPACITY = 1000;
/** What the form suggests when an administrator creates a link: a class. */
export const DEFAULT_LINK_CAPACITY = 30;
/** Responses one address may start through one link per window (a class behind one school address fits). */
export const LINK_STARTS_PER_ADDRESS = 40;
export const LINK_START_WINDOW_SECONDS = 15 * 60;

/**
 * The capacity an administrator typed: a whole number 1…MAX_LINK_CAPACITY, else INVALID with a
 * message next to the field.
 */
export function parseLinkCapacity(value: unknown): number {
	const text = typeof value === 'string' ? value.trim() : value === undefined ? '' : String(value);
	const n = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
	if (!Number.isInteger(n) || n < 1 || n > MAX_LINK_CAPACITY) {
		throw new AppError('INVALID', 'anonymity_error_capacity', [{ field: 'capacity', message: 'anonymity_error_capacity' }]);
	}
	return n;
}

/** Submitted responses given through a link. */
export async function countLinkSubmissions(db: Db, linkId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(assessmentResponses)
		.where(and(eq(assessmentResponses.linkId, linkId), isNotNull(assessmentResponses.submittedAt)));
	return Number(row?.n ?? 0);
}

/**
 * CONFLICT (`anonymity_error_link_full`) when the link already holds as many submitted responses as its
 * capacity. Locks the link row first, so two browsers submitting the last place at once cannot both pass.
 * Call inside the transaction that starts or submits.
 */
export async function requireLinkRoom(tx: Db, linkId: string): Promise<void> {
	const [link] = await tx
		.select({ capacity: assessmentLinks.capacity })
		.from(assessmentLinks)
		.where(eq(assessmentLinks.id, linkId))
		.for('update');
	if (!link) throw new AppError('NOT_FOUND', 'link');
	if ((await countLinkSubmissions(tx, linkId)) >= link.capacity) throw new AppError('CONFLICT', 'anonymity_error_link_full');
}
