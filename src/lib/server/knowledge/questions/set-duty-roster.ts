import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { dutyRoster } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { eligibleDutyPeople } from './duty-people';
import { isChain } from './question-input';
import { isMonday } from './week';

/**
 * Sets who is on duty for a chain's colleague questions in one week (its Monday): several people may be, or nobody
 * (then central support hears of new questions). For organizer-wide administrators and central support (qa.roster).
 * Only people with a key-person or central-support role of that chain may be on duty; anyone else is refused
 * beside the list. Replaces the week's list; audited with who came and went.
 */
export async function setDutyRoster(
	db: Db,
	opts: { actor: Actor; organizerId: string; chain: string; weekStart: string; personIds: string[]; now?: Date }
): Promise<{ added: string[]; removed: string[] }> {
	authorize(opts.actor, 'qa.roster', { type: 'knowledge', organizerId: opts.organizerId });
	if (!isChain(opts.chain)) throw invalid('chain', 'qa_error_chain');
	if (!isMonday(opts.weekStart)) throw invalid('weekStart', 'qa_error_week');
	const chain = opts.chain;
	const wanted = [...new Set(opts.personIds)];
	const eligible = new Set((await eligibleDutyPeople(db, opts.organizerId, chain, opts.now)).map((p) => p.id));
	if (wanted.some((id) => !eligible.has(id))) throw invalid('personIds', 'qa_error_not_eligible');
	return db.transaction(async (tx) => {
		const where = and(eq(dutyRoster.organizerId, opts.organizerId), eq(dutyRoster.chain, chain), eq(dutyRoster.weekStart, opts.weekStart));
		const before = (await tx.select({ id: dutyRoster.personId }).from(dutyRoster).where(where)).map((r) => r.id);
		const added = wanted.filter((id) => !before.includes(id));
		const removed = before.filter((id) => !wanted.includes(id));
		if (added.length === 0 && removed.length === 0) return { added, removed };
		await tx.delete(dutyRoster).where(where);
		if (wanted.length)
			await tx
				.insert(dutyRoster)
				.values(wanted.map((personId) => ({ organizerId: opts.organizerId, chain, weekStart: opts.weekStart, personId })));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'qa_roster.set',
			entityType: 'duty_roster',
			entityId: null,
			changes: { chain, weekStart: opts.weekStart, added, removed }
		});
		return { added, removed };
	});
}
