import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { tickets } from '../db/schema';
import type { Actor } from '../policies';
import { visibleTicketsWhere } from '../policies/support-visibility';

/**
 * The cases filed about a device that the actor may see (the support chain's own visibility rule), newest first.
 * Called after the device itself has been authorized: the device page lists them in its history section.
 */
export async function findDeviceCases(db: Db, opts: { actor: Actor; organizerId: string; deviceId: string }) {
	return db
		.select({ number: tickets.number, title: tickets.title, state: tickets.state, createdAt: tickets.createdAt })
		.from(tickets)
		.where(and(eq(tickets.deviceId, opts.deviceId), visibleTicketsWhere(opts.actor, opts.organizerId)))
		.orderBy(desc(tickets.createdAt))
		.limit(50);
}
