import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { notifications } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../policies';

/**
 * Marks one of the actor's notifications read (`id`), or all of them (no id). Someone else's notification is
 * NOT_FOUND; one already read stays as it was. Reading one's own notifications is not audited (it changes
 * nothing anyone else sees).
 */
export async function markNotificationsRead(db: Db, opts: { actor: Actor | null; id?: unknown; now?: Date }): Promise<number> {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'Inte inloggad');
	const mine = eq(notifications.personId, opts.actor.personId);
	const now = opts.now ?? new Date();
	if (opts.id === undefined) {
		const rows = await db
			.update(notifications)
			.set({ readAt: now })
			.where(and(mine, isNull(notifications.readAt)))
			.returning({ id: notifications.id });
		return rows.length;
	}
	const id = Number(opts.id);
	if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND', 'Okänd avisering');
	const [row] = await db
		.select({ readAt: notifications.readAt })
		.from(notifications)
		.where(and(mine, eq(notifications.id, id)));
	if (!row) throw new AppError('NOT_FOUND', 'Okänd avisering');
	if (row.readAt) return 0;
	await db
		.update(notifications)
		.set({ readAt: now })
		.where(and(mine, eq(notifications.id, id)));
	return 1;
}
