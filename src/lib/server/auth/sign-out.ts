import type { Db } from '../db';
import { recordAudit } from '../audit/record-audit';
import { deleteSession } from './sessions';

/** Ends the session behind `token` and records the sign-out, in one transaction. */
export async function signOut(db: Db, opts: { token: string; actorId: string | null }) {
	await db.transaction(async (tx) => {
		await deleteSession(tx, opts.token);
		await recordAudit(tx, { organizerId: null, actorId: opts.actorId, action: 'session.delete', entityType: 'session' });
	});
}
