import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { findHomeOrganizerId } from '../auth/home-organizer';
import { swedishSortKey } from '../../sort-key';
import { personInputSchema } from './person-input';
import { issuesFromZod } from './queries';

/**
 * A signed-in person renames themself (their identity is theirs, decision 018): audited as person.update in
 * their home organizer's log. An unchanged name writes nothing.
 */
export async function changeOwnName(db: Db, opts: { actor: Actor | null; name: string }): Promise<void> {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
	const personId = opts.actor.personId;
	const parsed = personInputSchema.pick({ name: true }).safeParse({ name: opts.name });
	if (!parsed.success) throw new AppError('INVALID', 'invalid name', issuesFromZod(parsed.error.issues));
	await db.transaction(async (tx) => {
		const [before] = await tx.select({ name: people.name }).from(people).where(eq(people.id, personId)).for('update');
		if (!before) throw new AppError('NOT_FOUND', 'no such person');
		authorize(opts.actor, 'identity.manage', { type: 'identity', personId, organizerIds: [], systemAdmin: false });
		if (before.name === parsed.data.name) return;
		await tx
			.update(people)
			.set({ name: parsed.data.name, nameSort: swedishSortKey(parsed.data.name), updatedAt: new Date() })
			.where(eq(people.id, personId));
		await recordAudit(tx, {
			organizerId: await findHomeOrganizerId(tx, personId),
			actorId: personId,
			action: 'person.update',
			entityType: 'person',
			entityId: personId,
			changes: { name: [before.name, parsed.data.name] }
		});
	});
}
