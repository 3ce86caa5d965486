import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { people } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from '../policies';

/** The signed-in person's own name and e-mail, for their account page. */
export async function getOwnAccount(db: Db, opts: { actor: Actor | null }): Promise<{ name: string; email: string }> {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
	const [me] = await db.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, opts.actor.personId));
	if (!me) throw new AppError('NOT_FOUND', 'no such person');
	return me;
}
